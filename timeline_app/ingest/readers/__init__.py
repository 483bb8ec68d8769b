"""Article files to `Article`s: bytes to text (`encoding`), then one reader per format
(`text_reader`, `html_reader`, `json_reader`), chosen by `dispatch.read_articles`. No Qt."""

from .article import Article
from .dispatch import read_articles
from .json_reader import JsonArticleError

__all__ = ["Article", "JsonArticleError", "read_articles"]
