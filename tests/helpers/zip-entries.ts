/** The names of the entries in a zip archive, read from its central directory (no zip library needed). */
import { readFileSync } from 'node:fs';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, plus a comment of at most 65535. */
const END_RECORD_SEARCH = 22 + 0xffff;

/** Where the end-of-central-directory record starts: searched backwards, past any archive comment. */
function endRecordOffset(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_SEARCH);
  for (let offset = zip.length - 22; offset >= lowest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a zip archive: no end-of-central-directory record');
}

/** Every entry's name, in the archive's order (directories end with "/"). ZIP64 archives are refused. */
export function zipEntryNames(path: string): string[] {
  const zip = readFileSync(path);
  const end = endRecordOffset(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not read here');
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`bad central directory entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The files in a zip archive (directory entries left out), sorted. */
export function zipFileNames(path: string): string[] {
  return zipEntryNames(path)
    .filter((name) => !name.endsWith('/'))
    .sort();
}
