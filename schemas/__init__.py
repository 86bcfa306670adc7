"""The data contract in code: columns, vocabularies, standards, issue catalogue, pandera models."""
