import type { Components, Theme } from '@mui/material/styles';

export const inputOverrides: Components<Theme> = {
  MuiTextField: { defaultProps: { fullWidth: true, variant: 'outlined' } },
  MuiButton: {
    defaultProps: { disableElevation: true },
    styleOverrides: { root: { textTransform: 'none', fontWeight: 600, borderRadius: 10 } },
  },
  MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
};
