import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders the sign-in page of the dev app', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    // Loading the app's plugins lazily can take seconds on a busy machine.
    await waitFor(
      () => {
        expect(rendered.baseElement.textContent).toContain('Guest');
      },
      { timeout: 20_000 },
    );
  }, 30_000);
});
