"""Keep presidio's helpers off the network: there is none at run time.

tldextract (used by presidio's e-mail and URL recognizers) downloads the public-suffix
list on first use unless told otherwise. We point its process-wide extractor at the
snapshot bundled in the wheel, with no URLs to fetch and no disk cache to read a stale or
foreign list from.
"""

from __future__ import annotations

import functools

import tldextract
import tldextract.tldextract as _tldextract_module


@functools.cache
def offline_tld_extractor() -> tldextract.TLDExtract:
    """A ``TLDExtract`` that only ever reads the bundled public-suffix snapshot."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def make_tldextract_offline() -> None:
    """Replace tldextract's global extractor (behind ``tldextract.extract``) by the offline one."""
    _tldextract_module.TLD_EXTRACTOR = offline_tld_extractor()
