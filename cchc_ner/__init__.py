"""cchc-ner: entities from Vietnamese public-administration-reform (CCHC) news.

    >>> import cchc_ner
    >>> extractor = cchc_ner.load()            # the bundled default model
    >>> doc = extractor("Năm 2022, Chỉ số CCHC của huyện Cam Lộ đạt 86,12%.")
    >>> [(e.label, e.text) for e in doc.entities]
"""

from .api import evaluate, load, train
from .normalize import normalize
from .pipeline import Extractor
from .schema import LABELS, Document, Entity

__version__ = "0.1.0"
__all__ = ["LABELS", "Document", "Entity", "Extractor", "__version__", "evaluate", "load",
           "normalize", "train"]
