"""Edit a meeting's format: start from a template, add, remove, reorder and change sections."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Label, Select, Static

from facilitator.core.meeting.agenda import KINDS, Format, Section
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES, template
from facilitator.core.errors import FacilitatorError
from facilitator.core.plurals import plural
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.readings import missing_readings
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text

TEMPLATE_LABELS = {"discussion": "discussion (60 min)", "speaker": "speaker (60 min)",
                   "smart": "SMART Recovery (86 min)", "business": "business meeting (57 min)"}
NO_FORMAT = "none"
# Input id -> Section field; the kind is a Select.
TEXT_FIELDS = {"section-title": "title", "section-minutes": "minutes",
               "section-reading": "reading", "section-note": "note"}


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class FormatEditorScreen(GuardedHandlers, Screen[bool]):
    """Changes stay here until saved (ctrl+s); a refused value names the section and field."""

    CSS_PATH = "format_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="format.save", priority=True),
        Binding("escape", "close", "Close", id="format.close"),
        Binding("f2", "add_section", "Add", id="format.add", priority=True),
        Binding("f3", "remove_section", "Remove", id="format.remove", priority=True),
        Binding("ctrl+up", "move_section(-1)", "Up", id="format.up", priority=True),
        Binding("ctrl+down", "move_section(1)", "Down", id="format.down", priority=True),
        Binding("f4", "use_template", "Template", id="format.template", priority=True),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.saved = Format.from_list(meeting.agenda)
        self.format = self.saved
        self.index = 0
        self.problem = ""  # the refused value in the fields, if any

    def compose(self) -> ComposeResult:
        with Vertical(id="format-editor"):
            yield Static(Content.assemble(("Format of ", "bold"),
                                          plain_text(self.meeting.name, "bold")),
                         id="format-title")
            with Horizontal(id="template-row"):
                yield Label("Start from")
                yield Select([(TEMPLATE_LABELS[name], name) for name in TEMPLATE_NAMES]
                             + [("no format", NO_FORMAT)], prompt="a template…", compact=True,
                             id="template")
                yield Button("Use template (F4)", id="use_template", compact=True,
                             action="screen.use_template")
            with Horizontal(id="format-body"):
                yield DataTable(id="sections", cursor_type="row", zebra_stripes=True)
                with Vertical(id="section-fields"):
                    yield Label("Title")
                    yield Input(id="section-title", compact=True)
                    yield Label("Minutes (1 to 240)")
                    yield Input(id="section-minutes", compact=True)
                    yield Label("Kind")
                    yield Select([(kind, kind) for kind in KINDS], allow_blank=False,
                                 compact=True, id="section-kind")
                    yield Label("Reading file (readings folder)")
                    yield Input(id="section-reading", compact=True,
                                placeholder="e.g. preamble.txt")
                    yield Label("Note for the chair")
                    yield Input(id="section-note", compact=True)
            yield Static(id="format-total")
            yield Static(id="format-error", classes="error-line")
            with Horizontal(id="format-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True,
                             action="screen.save")
                yield Button("Close (esc)", id="close", compact=True, action="screen.close")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sections", DataTable)
        table.add_column("#", key="number", width=2)
        table.add_column("section", key="title", width=14)
        table.add_column("min", key="minutes", width=3)
        table.add_column("kind", key="kind", width=10)
        self.show_sections(0)
        table.focus()

    # -- showing --------------------------------------------------------------------------

    def show_sections(self, index: int) -> None:
        """Rebuild the table with the cursor on `index`, and fill the fields from it."""
        table = self.query_one("#sections", DataTable)
        table.clear()
        for number, section in enumerate(self.format.sections, start=1):
            table.add_row(*self.row(number, section), key=str(number))
        self.index = max(0, min(index, len(self.format) - 1))
        if self.format:
            table.move_cursor(row=self.index, scroll=True)
        self.fill_fields()
        self.show_total()

    @staticmethod
    def row(number: int, section: Section) -> tuple:
        kind = "" if section.kind == "other" else section.kind
        return (str(number), plain_text(cut(section.title, 14)), str(section.minutes), kind)

    def fill_fields(self) -> None:
        """Show the chosen section's values; filling them is not an edit."""
        section = self.format.sections[self.index] if self.format else None
        with self.prevent(Input.Changed, Select.Changed):
            for widget_id, name in TEXT_FIELDS.items():
                field = self.query_one(f"#{widget_id}", Input)
                value = getattr(section, name) if section else ""
                field.value = "" if value is None else str(value)
                field.disabled = section is None
            kind = self.query_one("#section-kind", Select)
            kind.value = section.kind if section else "other"
            kind.disabled = section is None
        self.set_problem("")

    def show_total(self) -> None:
        if not self.format:
            text = "No sections: the meeting runs without an agenda. F2 adds one, F4 a template."
        else:
            count = len(self.format)
            text = (f"{plural(count, 'section', 'sections')}, "
                    f"{self.format.total_minutes} min planned")
            if self.meeting.duration_minutes:
                text += f"; the meeting lasts {self.meeting.duration_minutes} min"
        missing = missing_readings((s.reading for s in self.format.sections),
                                   self.app.database.path)
        if missing:
            text += f"\nnot found yet: {missing[0]}"
        self.query_one("#format-total", Static).update(plain_text(text))

    def set_problem(self, message: str) -> None:
        self.problem = message
        self.query_one("#format-error", Static).update(plain_text(message))

    # -- editing --------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#sections")
    def section_chosen(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != event.data_table.cursor_row:
            return  # left over from a rebuild of the table: the cursor has moved on
        if event.cursor_row != self.index and 0 <= event.cursor_row < len(self.format):
            self.index = event.cursor_row
            self.fill_fields()

    @on(DataTable.RowSelected, "#sections")
    def section_selected(self) -> None:
        self.query_one("#section-title", Input).focus()

    @on(Input.Changed)
    @on(Select.Changed, "#section-kind")
    def field_changed(self, event) -> None:
        if event.control.id in TEXT_FIELDS or event.control.id == "section-kind":
            self.apply_fields()

    @on(Input.Submitted)
    def field_submitted(self) -> None:
        if self.apply_fields():
            self.query_one("#sections", DataTable).focus()

    def apply_fields(self) -> bool:
        """Put the fields into the chosen section; False (and a message) when one is refused."""
        if not self.format:
            return True
        changes = {name: self.query_one(f"#{widget_id}", Input).value
                   for widget_id, name in TEXT_FIELDS.items()}
        changes["kind"] = self.query_one("#section-kind", Select).value
        try:
            self.format = self.format.edit_section(self.index, **changes)
        except FacilitatorError as error:
            self.set_problem(f"section {self.index + 1} {error}")
            return False
        self.set_problem("")
        table = self.query_one("#sections", DataTable)
        for column, value in zip(("number", "title", "minutes", "kind"),
                                 self.row(self.index + 1, self.format.sections[self.index])):
            table.update_cell(str(self.index + 1), column, value)
        self.show_total()
        return True

    def blocked(self) -> bool:
        """A refused value must be fixed before the sections change around it."""
        if self.problem:
            self.set_problem(self.problem)
            self.notify(f"Fix this first: {self.problem}", severity="error")
            return True
        return False

    def change(self, make_format, index: int) -> None:
        """Apply one edit of the whole format; a refused one leaves it as it was."""
        try:
            self.format = make_format()
        except FacilitatorError as error:
            self.set_problem(str(error))
            return
        self.show_sections(index)

    def action_add_section(self) -> None:
        if self.blocked():
            return
        at = self.index + 1 if self.format else 0
        self.change(lambda: self.format.add(Section("New section", 5), at), at)
        self.set_focus(self.query_one("#section-title", Input))  # now: typing may follow F2

    def action_remove_section(self) -> None:
        if not self.format:
            self.notify("There is no section to remove.")
            return
        self.change(lambda: self.format.remove(self.index), self.index)

    def action_move_section(self, step: int) -> None:
        if not self.format or self.blocked():
            return
        index = self.index
        if step < 0:
            self.change(lambda: self.format.move_up(index), max(0, index - 1))
        else:
            self.change(lambda: self.format.move_down(index), min(len(self.format) - 1, index + 1))

    def action_use_template(self) -> None:
        chooser = self.query_one("#template", Select)
        choice = chooser.value
        if chooser.is_blank():
            chooser.focus()
            self.notify("Choose a template first.")
            return
        self.change(lambda: Format() if choice == NO_FORMAT else template(choice), 0)
        self.query_one("#sections", DataTable).focus()

    # -- saving ---------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.blocked():
            return
        changed = self.meeting.edit(agenda=tuple(self.format.to_list()))
        try:
            self.app.database.update_meeting(self.meeting.name, changed)
        except FacilitatorError as error:
            self.set_problem(str(error))
            return
        self.meeting, self.saved = changed, self.format
        self.notify(f"Saved the format of {changed.name}: {len(self.format)} sections, "
                    f"{self.format.total_minutes} min.")
        self.dismiss(True)

    def action_close(self) -> None:
        if self.format == self.saved:
            self.dismiss(False)
            return
        from facilitator.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen("Leave without saving the changes to the format?",
                                           "Leave", "Stay"),
                             lambda leave: leave and self.dismiss(False))

