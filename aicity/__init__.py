"""aicity: officials, companies, cities, dates and money from Chinese news text."""
__version__ = "0.1.0"
