/**
 * A tiny PDF writer for generated documents and parser tests: places text at given positions with a Type0 font whose codes
 * are Unicode code points (Identity-H) and whose ToUnicode CMap maps them back. No glyphs are
 * embedded, which is all a text-layer reader needs, so Chinese text needs no font file.
 */
export interface PdfText {
  readonly text: string;
  /** Left edge, points from the left of the page. */
  readonly x: number;
  /** Baseline, points from the TOP of the page (converted to PDF's bottom-up space). */
  readonly y: number;
  /** Font size (default 10). */
  readonly size?: number;
}

export interface PdfPageSpec {
  readonly texts: readonly PdfText[];
  /** Extra raw content-stream operators (e.g. a filled rectangle standing in for a scanned image). */
  readonly raw?: string;
  /**
   * Prints the landscape layout turned a quarter to the left on a portrait sheet ("sideways");
   * with `rotate: 90` the page also carries /Rotate 90, so a viewer shows it upright again.
   */
  readonly sideways?: boolean;
  readonly rotate?: 90;
}

const PAGE_W = 842;
const PAGE_H = 595;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function toUnicodeCMap(highBytes: readonly number[]): string {
  const ranges = highBytes.map((h) => `<${hex4(h * 256)}> <${hex4(h * 256 + 255)}> <${hex4(h * 256)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    blocks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Test-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Width of one character in text-space units (1000 = 1 em): ASCII half width, the rest full width. */
export function charWidth(ch: string): number {
  return ch.charCodeAt(0) < 0x80 ? 500 : 1000;
}

/** Width of a string at a font size, in points. */
export function textWidth(text: string, size = 10): number {
  return ([...text].reduce((w, ch) => w + charWidth(ch), 0) * size) / 1000;
}

/**
 * Builds a PDF with the given pages (842 × 595, landscape A4). `encrypted` adds a standard security
 * handler whose user password is not empty (its check values are arbitrary), as a locked file has.
 */
export function writePdf(pages: readonly PdfPageSpec[], options: { encrypted?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const used = new Set<number>();
  for (const p of pages) for (const t of p.texts) for (const ch of t.text) used.add(ch.charCodeAt(0) >> 8);
  const cmap = toUnicodeCMap([...used].sort((a, b) => a - b));
  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cid = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const p of pages) {
    const ops = p.texts.map((t) => {
      const size = t.size ?? 10;
      const codes = [...t.text].map((ch) => hex4(ch.charCodeAt(0))).join('');
      const [x, y] = [t.x, PAGE_H - t.y];
      // Sideways: landscape point (x, y) goes to portrait (PAGE_H − y, x), text running upwards.
      const tm = p.sideways ? `0 1 -1 0 ${(PAGE_H - y).toFixed(2)} ${x.toFixed(2)}` : `1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`;
      return `BT /F1 ${size} Tf ${tm} Tm <${codes}> Tj ET`;
    });
    const stream = [p.raw ?? '', ...ops].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
    const box = p.sideways ? `0 0 ${PAGE_H} ${PAGE_W}` : `0 0 ${PAGE_W} ${PAGE_H}`;
    const rotate = p.rotate ? ` /Rotate ${p.rotate}` : '';
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [${box}]${rotate} /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const hex32 = (c: string): string => `<${c.repeat(64)}>`;
  const encrypt = options.encrypted ? ` /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex32('A')} /U ${hex32('B')} /P -4 >> /ID [${hex32('C')} ${hex32('C')}]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'utf8'));
}

/** Text right-aligned so that it ends at x. */
export function right(text: string, x: number, y: number, size = 10): PdfText {
  return { text, x: x - textWidth(text, size), y, size };
}

/** Text centred on x. */
export function centred(text: string, x: number, y: number, size = 10): PdfText {
  return { text, x: x - textWidth(text, size) / 2, y, size };
}
