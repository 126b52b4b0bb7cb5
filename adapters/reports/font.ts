/**
 * The CJK font every chart is drawn with: Noto Sans SC (SIL Open Font License) from the npm package
 * `@expo-google-fonts/noto-sans-sc`, so Chinese labels render on a fresh machine after `npm install`
 * alone. No system font is ever looked up (resvg gets `loadSystemFonts: false`).
 */
import { createRequire } from 'node:module';

export const CJK_FONT_FAMILY = 'Noto Sans SC';

const require = createRequire(import.meta.url);

/** Absolute path of the regular-weight TTF inside node_modules. */
export const CJK_FONT_FILE: string =
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
