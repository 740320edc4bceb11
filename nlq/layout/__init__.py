"""Layout normalization: any supported input becomes a `Document` of blocks with offsets."""

from __future__ import annotations

from pathlib import Path

from nlq.layout.app_cards import app_card_edits
from nlq.layout.arrow_notes import arrow_note_edits
from nlq.layout.arrow_points import arrow_point_edits
from nlq.layout.asciidoc import asciidoc_edits
from nlq.layout.axis_ticks import axis_tick_edits
from nlq.layout.browser_print import browser_print_edits
from nlq.layout.chat_log import chat_edits
from nlq.layout.checkboxes import checkbox_edits
from nlq.layout.clauses import clause_edits
from nlq.layout.column_rules import column_rule_edits
from nlq.layout.comments import comment_edits
from nlq.layout.confluence import confluence_edits
from nlq.layout.described_tables import described_blocks, has_described_rows
from nlq.layout.document import Block, BlockKind, Document, MappedText
from nlq.layout.dot_thousands import dot_thousands_edits
from nlq.layout.emoji_marks import emoji_mark_edits
from nlq.layout.faq import faq_edits
from nlq.layout.feed import feed_edits
from nlq.layout.fences import code_fence_edits
from nlq.layout.footnote_lines import footnote_line_edits
from nlq.layout.footnotes import footnote_edits
from nlq.layout.forms import form_edits
from nlq.layout.forum import thread_edits
from nlq.layout.forwarded import forward_edits
from nlq.layout.fraction_shares import fraction_share_blocks, fraction_share_edits
from nlq.layout.front_matter import front_matter_edits
from nlq.layout.furniture import furniture_edits
from nlq.layout.glyphs import (
    bullet_glyph_edits,
    glyph_edits,
    ligature_edits,
    swatch_column_edits,
)
from nlq.layout.ini_blocks import ini_edits
from nlq.layout.invisible import invisible_edits
from nlq.layout.ipynb import ipynb_edits, is_notebook
from nlq.layout.keycaps import keycap_edits
from nlq.layout.latex import latex_edits
from nlq.layout.leaders import leader_edits
from nlq.layout.letter_items import letter_item_edits
from nlq.layout.linkrefs import link_marker_edits
from nlq.layout.loader import load_source
from nlq.layout.named_tables import named_table_edits
from nlq.layout.notebook import notebook_edits
from nlq.layout.org import org_edits
from nlq.layout.page_breaks import page_break_edits
from nlq.layout.page_flow import page_flow_edits
from nlq.layout.page_heads import page_head_edits
from nlq.layout.page_marks import page_mark_edits
from nlq.layout.pandoc import pandoc_edits
from nlq.layout.panel_headers import panel_blocks
from nlq.layout.parallel import parallel_edits
from nlq.layout.percent_words import percent_word_edits
from nlq.layout.poster_entries import poster_entry_edits
from nlq.layout.quoting import quote_edits
from nlq.layout.r_console import r_console_edits
from nlq.layout.ref_links import reference_link_edits
from nlq.layout.remarks import remark_edits
from nlq.layout.rewrite import Rewriter, remap_blocks, rewrite
from nlq.layout.rst import rst_edits
from nlq.layout.rtf import rtf_edits
from nlq.layout.screenreader import screenreader_edits
from nlq.layout.shortcodes import has_shortcodes, shortcode_edits
from nlq.layout.shorthand import shorthand_edits
from nlq.layout.signatures import signature_edits
from nlq.layout.slash_translations import slash_translation_edits
from nlq.layout.slide_titles import slide_title_edits
from nlq.layout.social_posts import social_post_edits
from nlq.layout.spaced_cells import spaced_cell_edits
from nlq.layout.spoken import spoken_edits
from nlq.layout.sql_session import is_sql_session, record_blocks, sql_session_edits
from nlq.layout.struck import struck_edits
from nlq.layout.text_box import text_box_edits
from nlq.layout.title_heads import title_head_edits
from nlq.layout.transcript import transcript_edits
from nlq.layout.wiki import wiki_edits
from nlq.layout.wiki_page import wiki_page_edits

__all__ = ["Block", "BlockKind", "Document", "MappedText", "parse", "read_document"]


# Rewriters run in this order before a source is read (`rewrite`): each sees what the ones
# before it left, so furniture is found after quote marks and ligatures are gone.
_TEXT_REWRITERS: list[Rewriter] = [
    ipynb_edits,
    rtf_edits,
    comment_edits,
    page_break_edits,
    invisible_edits,
    struck_edits,
    checkbox_edits,
    form_edits,
    named_table_edits,
    remark_edits,
    ini_edits,
    transcript_edits,
    faq_edits,
    sql_session_edits,
    r_console_edits,
    screenreader_edits,
    chat_edits,
    social_post_edits,
    confluence_edits,
    parallel_edits,
    app_card_edits,
    poster_entry_edits,
    slash_translation_edits,
    front_matter_edits,
    code_fence_edits,
    latex_edits,
    wiki_edits,
    wiki_page_edits,
    rst_edits,
    org_edits,
    notebook_edits,
    thread_edits,
    quote_edits,
    forward_edits,
    signature_edits,
    clause_edits,
    link_marker_edits,
    reference_link_edits,
    footnote_edits,
    footnote_line_edits,
    arrow_note_edits,
    arrow_point_edits,
    shorthand_edits,
    glyph_edits,
    bullet_glyph_edits,
    swatch_column_edits,
    keycap_edits,
    emoji_mark_edits,
    letter_item_edits,
    asciidoc_edits,
    text_box_edits,
    leader_edits,
    column_rule_edits,
    pandoc_edits,
    furniture_edits,
    page_head_edits,
    title_head_edits,
    browser_print_edits,
    slide_title_edits,
    page_mark_edits,
    axis_tick_edits,
    dot_thousands_edits,
    spoken_edits,
    percent_word_edits,
    fraction_share_edits,
    spaced_cell_edits,
    page_flow_edits,
]
_HTML_REWRITERS: list[Rewriter] = [invisible_edits, ligature_edits]


def parse(source: str, raw: str, fmt: str) -> Document:
    """Normalize decoded text `raw` of format 'text', 'markdown', 'pdf', 'csv', 'yaml', 'toml',
    'xml' or 'html' (a YAML or TOML file that does not parse as a mapping is read as text, an
    XML file that is not well-formed as HTML)."""
    if fmt == "yaml" and is_notebook(raw):
        fmt = "text"  # a notebook saved as .json: its cells' text (`ipynb`), not its JSON tree
    if fmt == "yaml":
        from nlq.layout.yaml_tree import yaml_blocks

        found = yaml_blocks(raw)
        if found is None and raw.lstrip().startswith("{"):
            from nlq.layout.log_lines import log_line_blocks

            found = log_line_blocks(raw)  # JSON Lines: one object a line
        if found is not None:
            found = fraction_share_blocks(raw, found)  # "share": 0.09 under a units note
            return Document(source=source, raw=raw, format=fmt, blocks=found)
    if fmt == "toml":
        from nlq.layout.toml_tree import toml_blocks

        found = toml_blocks(raw)
        if found is not None:
            return Document(source=source, raw=raw, format=fmt, blocks=found)
        fmt = "text"
    feed = fmt == "xml" and bool(feed_edits(raw))  # an Atom/RSS entry holding an HTML page
    if fmt == "xml" and not feed:
        from nlq.layout.xml_tree import xml_blocks

        found = xml_blocks(raw)
        if found is not None:
            return Document(source=source, raw=raw, format=fmt, blocks=found)
        fmt = "html"  # not well-formed: the tolerant HTML reader still shows its text
    if fmt == "text" and ": " in raw and not is_notebook(raw):
        from nlq.layout.outline import outline_blocks

        found = outline_blocks(raw)
        if found is not None:
            return Document(source=source, raw=raw, format=fmt, blocks=found)
    rewriters = _HTML_REWRITERS if fmt == "html" else _TEXT_REWRITERS
    if feed:
        fmt, rewriters = "html", [feed_edits, *_HTML_REWRITERS]
    if fmt in ("text", "markdown") and has_shortcodes(raw):
        fmt, rewriters = "html", [shortcode_edits, *_HTML_REWRITERS]  # a WordPress export
    base = rewrite(raw, rewriters)
    text = raw if base is None else base.text
    if fmt == "html":
        from nlq.layout.html import html_blocks

        blocks = html_blocks(text)
    elif fmt == "markdown":
        from nlq.layout.markdown_html import markdown_blocks

        blocks = markdown_blocks(text)
    else:
        from nlq.layout.text import text_blocks

        blocks = text_blocks(text, delimited=fmt == "csv")
        if fmt == "text" and is_sql_session(raw):
            blocks = record_blocks(blocks)  # a one-row query result is a record
        if fmt == "text":
            blocks = panel_blocks(blocks)  # one title row over a table's panels
        if fmt == "csv":
            from nlq.layout.fact_rows import fact_row_blocks

            blocks = fact_row_blocks(blocks)
            from nlq.layout.wide_records import wide_record_blocks

            blocks = wide_record_blocks(blocks)
    if has_described_rows(text):
        blocks = described_blocks(blocks)  # an accessible page's tables told row by row
    if base is not None:
        blocks = remap_blocks(blocks, base)
    return Document(source=source, raw=raw, format=fmt, blocks=blocks)


def read_document(path: Path) -> Document:
    """Read and normalize one file; raise `ExtractionError` naming it if that is impossible."""
    raw, fmt = load_source(path)
    return parse(path.name, raw, fmt)
