"""Renderers: results as text, Markdown or JSON; drafts as Markdown, HTML or Word; the casebook.

The formats and their renderers are declared in `formats.py`.
"""
