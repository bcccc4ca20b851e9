import { createTheme } from '@mui/material/styles';
import { feedbackOverrides } from './overrides/feedback';
import { inputOverrides } from './overrides/inputs';
import { surfaceOverrides } from './overrides/surfaces';

/** Light and dark schemes; both palettes keep text at WCAG AA contrast on their backgrounds. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1b5e20' }, secondary: { main: '#6a1b9a' }, background: { default: '#f6f7f4' } } },
    dark: { palette: { primary: { main: '#81c784' }, secondary: { main: '#ce93d8' }, background: { default: '#101411', paper: '#161b17' } } },
  },
  shape: { borderRadius: 10 },
  typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', h1: { fontSize: '1.6rem', fontWeight: 700 } },
  components: { ...inputOverrides, ...surfaceOverrides, ...feedbackOverrides },
});
