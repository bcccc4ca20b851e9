import type { Components, Theme } from '@mui/material/styles';

export const feedbackOverrides: Components<Theme> = {
  MuiLinearProgress: { styleOverrides: { root: { height: 8, borderRadius: 4 } } },
  MuiAlert: { styleOverrides: { root: { borderRadius: 12 } } },
};
