"""Domain errors. Only `cli.py` turns them into messages and exit codes."""


class UnkgError(Exception):
    """Base class: a failure the user can act on, with a one-line message."""

    exit_code = 1


class InputError(UnkgError):
    """An input file is missing, empty, binary or cannot be decoded."""


class SegmentError(UnkgError):
    """The text does not have the structure of a UN document we can read."""


class VocabularyError(UnkgError):
    """A vocabulary file is malformed (names the file and the concept)."""


class StoreError(UnkgError):
    """The store cannot be opened, read or written."""


class QueryError(UnkgError):
    """A SPARQL query is malformed or a saved query does not exist."""


class EndpointError(UnkgError):
    """A remote endpoint is unreachable or refused a request."""


class ValidationFailed(UnkgError):
    """The store does not conform to the shapes."""


class NotFound(UnkgError):
    """A code, symbol or IRI the user named is not in the store."""


class OutputError(UnkgError):
    """An output file cannot be written."""
