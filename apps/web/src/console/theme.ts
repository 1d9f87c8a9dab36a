import type { ThemeConfig } from 'antd';

/**
 * Ant Design tokens for the console: a darker primary blue and darker secondary text than the
 * defaults, so text meets WCAG AA contrast (axe-core checks it in the end-to-end tests).
 */
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    // Hover and active shades stay dark enough for AA contrast (the derived ones are lighter).
    colorPrimaryHover: '#084a8c',
    colorPrimaryActive: '#063b70',
    colorLinkHover: '#084a8c',
    colorLinkActive: '#063b70',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#c4161c',
    colorSuccess: '#237804',
    borderRadius: 6,
  },
};
