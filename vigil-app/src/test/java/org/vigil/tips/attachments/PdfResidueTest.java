/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PdfResidueTest {
  private static boolean residue(String pdf) {
    return PdfResidue.mayHoldMetadata(pdf.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aPdfOfTextInTheOpenHoldsNoResidue() {
    assertThat(
            residue(
                "%PDF-1.5\n4 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\nx\nendstream"
                    + "\n5 0 obj\n<< /Type /XObject /Subtype /Image /Filter [ /DCTDecode ] >>"))
        .isFalse();
  }

  @Test
  void aPhotosExifOrXmpIsResidue() {
    assertThat(residue("%PDF-1.5\nstream\n\u00ff\u00d8\u00ff\u00e1..Exif\0\0MM")).isTrue();
    assertThat(residue("%PDF-1.5\nstream\nhttp://ns.adobe.com/xap/1.0/\0<x:xmpmeta")).isTrue();
  }

  @Test
  void whatTheScanCannotSeeCountsAsResidue() {
    assertThat(residue("%PDF-1.5\n7 0 obj << /Type /ObjStm /N 3 >>")).isTrue();
    assertThat(residue("%PDF-1.5\n<< /Filter [/FlateDecode /DCTDecode] >>")).isTrue();
    assertThat(residue("%PDF-1.5\n<< /Type /XObject /Metadata 9 0 R >>")).isTrue();
  }
}
