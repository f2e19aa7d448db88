"""Printing the briefing sheet: pure HTML (:mod:`.briefing_html`) and the Qt layer
(:mod:`.printer`). Import the Qt layer only where a sheet is actually painted."""
