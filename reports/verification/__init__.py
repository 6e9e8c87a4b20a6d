"""The parts of statement verification, each bounded and free of signing, layout and network code.

- `structure`: the file's revisions and the signature's byte ranges, checked on the raw bytes;
- `der`: a strict, bounded DER reader (no re-encoding);
- `cms_check`: the CMS signature read with the strict DER reader and checked on its original
  bytes (signature, digest, certificates) without any ASN.1 library;
- `pdf_parts`: what the signed revision holds (signature field, record, keywords, page digest);
- `signed_file`: the file checked on its own, and the verdict composed from what was found;
- `signed_parts`: what that verdict reads from a signed PDF, one interface for two readers:
  `own_form` (with `object_syntax`) reads a file in exactly the form our statements take
  straight from its bytes, with no PDF library, and declines anything else, which
  `pdf_parts` then reads with pyHanko's reader;
- `register_answer`: what this desk's register, a published register or folder adds;
- `result`: the answer (`VerifyResult`), its exit code and headline; its problems and notes
  are catalogue messages (`models.messages.Text`), English as strings, either language shown;
- `models.certificates`: certificates read with the strict DER reader (names, validity,
  fingerprints, who issued them) without `cryptography.x509`;
- `register`: the agency's published register, read only when its key is confirmed, and the
  highest register sequence seen per agency key;
- `deferred`: keeps the key file formats (SSH, PKCS#12 and with it `cryptography.x509`)
  from loading until used, and pyHanko's reader from loading the certificate path
  validator and the local time zone.
"""

from reports.verification.deferred import defer_package

defer_package("cryptography.hazmat.primitives.serialization")
