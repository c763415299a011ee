import { describe, expect, it } from 'vitest';
import { controlCharacterIndex, decodeUtf8, isCleanUtf8 } from '../../src/config/encoding.js';

/** What the slow path says: decodes, and has no control character (CR allowed). */
function cleanByDecoding(bytes: Buffer): boolean {
  const decoded = decodeUtf8(bytes);
  return 'text' in decoded && controlCharacterIndex(decoded.text, true) === -1;
}

describe('isCleanUtf8: the bytes check that spares decoding a large CSV', () => {
  it.each([
    ['plain text with CRLF and tabs', Buffer.from('id,name\r\na1,\tAcme\r\n'), true],
    ['letters of 2, 3 and 4 bytes', Buffer.from('Café,日本,🚀,\u00a0'), true],
    ['a byte-order mark', Buffer.from('\ufeffid\n'), true],
    ['a NUL byte', Buffer.from('a\u0000b'), false],
    ['a bell (C0)', Buffer.from('a\u0007b'), false],
    ['DEL', Buffer.from('a\u007fb'), false],
    ['a C1 control (U+0085)', Buffer.from('a\u0085b'), false],
    ['U+009F, the last C1 control', Buffer.from('a\u009fb'), false],
    ['invalid UTF-8 (Latin-1 é)', Buffer.from([0x43, 0x61, 0x66, 0xe9]), false],
    ['UTF-16 with a BOM', Buffer.from([0xff, 0xfe, 0x61, 0x00]), false],
  ])('%s', (_, bytes, clean) => {
    expect(isCleanUtf8(bytes)).toBe(clean);
    // Exactly what decoding and the control-character check would decide.
    expect(cleanByDecoding(bytes)).toBe(clean);
  });
});
