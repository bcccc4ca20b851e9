import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../app/App';
import { AppProvider } from '../app/AppProvider';

export function renderApp() {
  const user = userEvent.setup({ delay: null });
  const view = render(
    <AppProvider>
      <App />
    </AppProvider>,
  );
  return { user, ...view };
}
