"""The one exception hierarchy: every error a user can cause is a NewsgraphError.

The CLI prints ``str(error)`` as one line and exits with ``error.exit_code``.
"""


class NewsgraphError(Exception):
    """Base class; the message names the input and the problem."""

    exit_code = 1


class InputError(NewsgraphError):
    """An input file or stream cannot be read as articles."""

    exit_code = 2


class ModelError(NewsgraphError):
    """The spaCy pipeline named in the settings is not installed or cannot load."""

    exit_code = 3


class QueryError(NewsgraphError):
    """A SPARQL query is malformed or cannot run against the graph."""

    exit_code = 4


class ExportError(NewsgraphError):
    """An export format is unknown or the output cannot be written."""

    exit_code = 5


class StoreError(NewsgraphError):
    """The persistent store cannot be opened or updated."""

    exit_code = 6


class SchemaError(NewsgraphError):
    """A data file under graph/schema is malformed (a bug in the package, not the input)."""

    exit_code = 7


class EngineError(NewsgraphError):
    """The engine that runs the build (a dask cluster) cannot be reached or is missing."""

    exit_code = 8
