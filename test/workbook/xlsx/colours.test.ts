import { colourOf, themePalette } from '../../../src/workbook/xlsx/colours';

const OFFICE = themePalette(undefined);

describe('colours as an .xlsx file stores them', () => {
  it("gives Office's theme in theme index order when a file carries none: light 1, dark 1, light 2, dark 2, the accents, the links", () => {
    expect(OFFICE).toEqual(['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72']);
  });

  it("reads a theme's own colours from its clrScheme, system colours by their last value, any namespace prefix", () => {
    const xml = `<a:theme><a:themeElements><a:clrScheme name="Custom">
      <a:dk1><a:sysClr val="windowText" lastClr="111111"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FEFEFE"/></a:lt1>
      <a:dk2><a:srgbClr val="0E2841"/></a:dk2><a:lt2><a:srgbClr val="e8e8e8"/></a:lt2>
      <a:accent1><a:srgbClr val="156082"/></a:accent1></a:clrScheme></a:themeElements></a:theme>`;
    const palette = themePalette(xml);
    expect(palette.slice(0, 5)).toEqual(['FEFEFE', '111111', 'E8E8E8', '0E2841', '156082']);
    // Slots the theme leaves out take Office's.
    expect(palette[5]).toBe('ED7D31');
    expect(themePalette(xml.replace(/a:/g, 'x:'))).toEqual(palette);
  });

  it("applies a tint as Excel's palette shows it: white darker 5, 15, 25, 35, 50%; black lighter 50, 35, 25, 15, 5%", () => {
    const white = [-0.0499893185216834, -0.1499984740745262, -0.249977111117893, -0.3499862666707358, -0.499984740745262].map((tint) =>
      colourOf({ theme: 0, tint }, OFFICE),
    );
    expect(white).toEqual(['#F2F2F2', '#D9D9D9', '#BFBFBF', '#A6A6A6', '#808080']);
    const black = [0.499984740745262, 0.34998626667073579, 0.249977111117893, 0.14999847407452621, 0.0499893185216834].map((tint) =>
      colourOf({ theme: 1, tint }, OFFICE),
    );
    expect(black).toEqual(['#7F7F7F', '#595959', '#404040', '#262626', '#0D0D0D']);
    // Accent 1 (4472C4) lighter 80% is Excel's DAE3F3.
    expect(colourOf({ theme: 4, tint: 0.7999816888943144 }, OFFICE)).toBe('#DAE3F3');
  });

  it('reads ARGB as it is and indexed colours from the legacy palette; automatic and unknown colours are none', () => {
    expect(colourOf({ argb: 'ff4472c4' }, OFFICE)).toBe('#4472C4');
    expect(colourOf({ indexed: 10 } as never, OFFICE)).toBe('#FF0000');
    expect(colourOf({ indexed: 22 } as never, OFFICE)).toBe('#C0C0C0');
    expect(colourOf({ indexed: 64 } as never, OFFICE)).toBeUndefined();
    expect(colourOf({ theme: 12 }, OFFICE)).toBeUndefined();
    expect(colourOf({ argb: 'not a colour' }, OFFICE)).toBeUndefined();
    expect(colourOf(undefined, OFFICE)).toBeUndefined();
  });
});
