"""Writes fnmatchcase.python.json: what CPython's fnmatch.fnmatchcase answers
for random short patterns heavy in set syntax (`[`, `]`, `!`, `-`, `^`, `\\`),
so fnmatch.test.ts holds the TypeScript matcher to Python's semantics without
needing Python. Re-run with: python3 generate_fnmatchcase.py"""
import fnmatch
import json
import random
import sys

random.seed(17)
PATTERN_ALPHABET = "ab-z!*?[]^\\.A"
NAME_ALPHABET = "ab-z!?[]^\\.Aé"


def random_text(low, high):
    return "".join(random.choice(NAME_ALPHABET) for _ in range(random.randint(low, high)))


def near_match(pattern):
    """A name likely to match: metacharacters filled in, the rest kept."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append(random_text(0, 2))
        elif c == "?":
            out.append(random_text(1, 1))
        elif c == "[" and "]" in pattern[i + 2:] and random.random() < 0.7:
            end = pattern.index("]", i + 2)
            out.append(random.choice(pattern[i + 1:end] or "a"))
            i = end
        else:
            out.append(c)
        i += 1
    return "".join(out)


cases = []
seen = set()
while len(cases) < 800:
    pattern = "".join(random.choice(PATTERN_ALPHABET) for _ in range(random.randint(1, 9)))
    if pattern in seen:
        continue
    seen.add(pattern)
    names = {random_text(0, 5) for _ in range(2)} | {near_match(pattern) for _ in range(4)}
    cases.append([pattern, {n: fnmatch.fnmatchcase(n, pattern) for n in sorted(names)}])
with open("fnmatchcase.python.json", "w") as out:
    out.write('{"python": "%s", "cases": [\n' % sys.version.split()[0])
    out.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
    out.write("\n]}\n")
