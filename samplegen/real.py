"""Old import path of `samplegen.dbq.reading`, kept while samplegen/fit.py imports it from here."""

from samplegen.dbq.reading import RealTable, read_dbq
from samplegen.errors import RealDataError

__all__ = ["RealDataError", "RealTable", "read_dbq"]
