"""giamngheo: consolidates hamlet poverty rosters into the commune's monthly report."""

__version__ = "0.1.0"
