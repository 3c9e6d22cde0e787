/** Parts of the canvas that are controls, not the diagram. */
const CHROME = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel'];

function saveDataUrl(dataUrl: string, fileName: string) {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Saves the diagram as currently shown (pan, zoom, focus) as SVG or PNG.
 * html-to-image is loaded on first use only, to keep it out of the tab's
 * initial bundle.
 */
export async function exportImage(
  container: HTMLElement,
  format: 'svg' | 'png',
  fileBase: string,
  backgroundColor: string,
): Promise<void> {
  const canvas = container.querySelector<HTMLElement>('.react-flow') ?? container;
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor,
    filter: (node: unknown) =>
      !(node instanceof Element && CHROME.some(c => node.classList.contains(c))),
  };
  const dataUrl =
    format === 'svg'
      ? await toSvg(canvas, options)
      : await toPng(canvas, { ...options, pixelRatio: 2 });
  saveDataUrl(dataUrl, `${fileBase}-erd.${format}`);
}
