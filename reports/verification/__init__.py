"""The parts of statement verification, each bounded and free of signing, layout and network code.

- `structure`: the file's revisions and the signature's byte ranges, checked on the raw bytes;
- `der`: a strict, bounded DER reader (no re-encoding);
- `cms_check`: the CMS signature checked on its original bytes (signature, digest, certificates);
- `pdf_parts`: what the signed revision holds (signature field, record, keywords, page digest);
- `certs`: certificate names and fingerprints;
- `register`: the agency's published register, read only when its key is confirmed, and the
  highest register sequence seen per agency key;
- `deferred`: keeps pyHanko's reader from loading the certificate path validator.
"""

from reports.verification.deferred import defer_package

defer_package("pyhanko_certvalidator")
