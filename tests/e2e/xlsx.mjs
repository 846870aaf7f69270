// Editing a cell of a real XLSX as a spreadsheet program would, for the studio's tests: the
// workbook is unzipped, one sheet's XML changed, and zipped again (a plain zip writer, deflate
// and CRC-32 from node:zlib), so the studio reads a file no test library wrote.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** The entries of a zip: name → bytes. Only what an XLSX uses (stored or deflated, no zip64). */
export function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28), extraLen = buf.readUInt16LE(at + 30), commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A zip of the entries, each deflated. */
export function zip(entries) {
  const locals = [], central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data) >>> 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8); head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22); head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10); dir.writeUInt32LE(crc, 16); dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24); dir.writeUInt16LE(n.length, 28); dir.writeUInt32LE(offset, 42);
    locals.push(head, n, packed);
    central.push(dir, n);
    offset += head.length + n.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.size, 8); end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(dirBytes.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** The XML file of the sheet named `sheet` (`xl/worksheets/sheet4.xml`). */
function sheetPath(entries, sheet) {
  const workbook = entries.get('xl/workbook.xml').toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels').toString('utf8');
  const id = new RegExp(`<sheet name="${sheet}"[^>]* r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]* Target="([^"]+)"`).exec(rels)?.[1]
    ?? new RegExp(`Target="([^"]+)"[^>]* Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The workbook with the cell `ref` of `sheet` replaced by `cell`, the XML of a whole `<c>`
 * element (`<c r="D3"><v>36</v></c>`, an inline string, a formula).
 */
export function withCell(xlsx, sheet, ref, cell) {
  const entries = unzip(xlsx);
  const path = sheetPath(entries, sheet);
  const xml = entries.get(path).toString('utf8');
  const re = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${sheet}!${ref}`);
  entries.set(path, Buffer.from(xml.replace(re, cell), 'utf8'));
  return zip(entries);
}
