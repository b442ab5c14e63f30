import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it('keeps an ordinary name, in any script', () => {
    expect(sanitizeFileName('Quote 2026.pdf', 'pdf')).toBe('Quote 2026.pdf');
    expect(sanitizeFileName('Ponudba – Šolski tečaj.docx', 'docx')).toBe('Ponudba – Šolski tečaj.docx');
  });

  it('drops paths, controls and direction overrides', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ann\\photo.jpg', 'jpg')).toBe('photo.jpg');
    // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a right-to-left override.
    expect(sanitizeFileName('invoice\u202efdp.exe', 'pdf')).toBe('invoicefdp.pdf');
    expect(sanitizeFileName('a\u0000b\u200bc\r\n.txt', 'txt')).toBe('abc.txt');
  });

  it('takes the extension of the bytes, never an active one from the name', () => {
    expect(sanitizeFileName('report.pdf', 'png')).toBe('report.pdf.png');
    expect(sanitizeFileName('cat.svg', 'png')).toBe('cat.png');
    expect(sanitizeFileName('page.html', 'txt')).toBe('page.txt');
    expect(sanitizeFileName('voice note', 'webm')).toBe('voice note.webm');
  });

  it('avoids reserved names, hidden files, reserved characters and endless names', () => {
    expect(sanitizeFileName('CON.txt', 'txt')).toBe('_CON.txt');
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('a<b>c:d|e?.png', 'png')).toBe('a_b_c_d_e_.png');
    const long = sanitizeFileName(`${'ä'.repeat(300)}.pdf`, 'pdf');
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(sanitizeFileName('   ', 'png')).toBe('file.png');
  });
});

describe('contentDisposition', () => {
  it('gives old clients an ASCII name and the others the exact one', () => {
    expect(contentDisposition('attachment', 'Šolski "tečaj" (1).pdf')).toBe(
      `attachment; filename="_olski _te_aj_ (1).pdf"; filename*=UTF-8''%C5%A0olski%20%22te%C4%8Daj%22%20%281%29.pdf`,
    );
  });

  it('cannot be broken out of with quotes, semicolons or new lines', () => {
    const header = contentDisposition('inline', sanitizeFileName('a";\r\nSet-Cookie: x=1.png', 'png'));
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('; filename=')[1]).toMatch(/^"[^"]*"; filename\*=/);
  });
});
