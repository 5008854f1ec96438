"""unkg: United Nations documents as a linked-data knowledge graph.

Importing the package loads nothing heavy: no vocabulary, no spaCy pipeline, no store. Use the stage modules
(`graph.ingest`, `graph.segment`, `graph.link`, `graph.build`, `graph.store` …) or `graph.pipeline`.
"""

__version__ = "0.1.0"
