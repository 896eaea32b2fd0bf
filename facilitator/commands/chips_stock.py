"""`facilitator chips stock [set KEY N [--reorder N] | add KEY N]`: the chip inventory."""

import orjson

from facilitator.commands.chips import chosen_ladder
from facilitator.commands.common import open_database
from facilitator.core.chips import chip_stock
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _
from facilitator.core.settings import GroupSettings
from facilitator.core.text_out import escape
from facilitator.store.named_paths import resolve_db_path

USAGE = N_("use `chips stock`, `chips stock set KEY N [--reorder N]` or `chips stock add KEY N`")


def run_stock(args, words: list[str]) -> int:
    for option, given in (("--on", args.on), ("--dayfirst/--monthfirst", args.order)):
        if given:
            raise ValidationError(option, _("goes with the calculator (`chips DATE`), not stock"))
    if not words:
        if args.reorder is not None:
            raise ValidationError("--reorder", _("goes with `chips stock set KEY N`"))
        return list_stock(args)
    action = words[0].lower()
    if action not in ("set", "add"):
        raise ValidationError("stock", _("{word} is not an action; {usage}").format(
            word=repr(words[0][:20]), usage=_(USAGE)))
    if len(words) != 3:
        raise ValidationError("stock", _("`{action}` needs a KEY and a number N; {usage}").format(
            action=action, usage=_(USAGE)))
    if args.json:
        raise ValidationError("--json", _("goes with `chips stock` (the list)"))
    if action == "add" and args.reorder is not None:
        raise ValidationError("--reorder", _("goes with `chips stock set KEY N`"))
    return change_stock(args, action, words[1].strip().lower(), words[2])


def change_stock(args, action: str, key: str, number: str) -> int:
    with open_database(args, writer=True) as database:
        ladder = chosen_ladder(args, database.settings(), database.path)
        label = ladder.stock_label(key)
        stock = chip_stock.from_rows(database.stock())
        if action == "set":
            stock = chip_stock.set_count(stock, key, number, args.reorder)
        else:
            stock = chip_stock.add(stock, key, number)
        database.save_stock(chip_stock.to_rows(stock))
    level = chip_stock.level(stock, key)
    print(escape(_("{label} ({key}): {on_hand} on hand, reorder at {reorder_at}").format(
        label=label, key=key, on_hand=level.on_hand, reorder_at=level.reorder_at)))
    warning = level.warning(label)
    if warning:
        print(escape(_("warning: {warning}").format(warning=warning)))
    return 0


def list_stock(args) -> int:
    db_path = resolve_db_path(args.db)
    settings, stock = GroupSettings(), {}
    if db_path.exists():
        with open_database(args, writer=False) as database:
            settings, stock = database.settings(), chip_stock.from_rows(database.stock())
    ladder = chosen_ladder(args, settings, db_path)
    items = ladder.stock_items(stock)
    known = {key for key, _ in items}
    items += [(key, _("(not on the {ladder} ladder)").format(ladder=ladder.name))
              for key in stock if key not in known]
    rows = [_row(key, label, stock) for key, label in items]
    if args.json:
        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return 0
    print(escape(_("Chips on hand, {title} ({name}):").format(title=ladder.title,
                                                              name=ladder.name)))
    # Translators: column headings of the chip stock; keep each within its width
    # (KEY 16, CHIP 30, ON HAND 8, REORDER AT 12).
    key, chip, on_hand, reorder_at = _("KEY"), _("CHIP"), _("ON HAND"), _("REORDER AT")
    print(f"  {key:<16}{chip:<30}{on_hand:>8}{reorder_at:>12}")
    for row in rows:
        counted = row["status"] != "not counted"
        on_hand = str(row["on_hand"]) if counted else "-"
        print(escape(f"  {row['key']:<16}{row['label'][:29]:<30}{on_hand:>8}"
                     f"{row['reorder_at']:>12}{_flag(row)}"))
    to_reorder = [row["label"] for row in rows if row["status"] in ("low", "out")]
    if to_reorder:
        print(escape(_("To reorder ({n}): {chips}").format(n=len(to_reorder),
                                                           chips=", ".join(to_reorder))))
    if not stock:
        print(_("No chips counted yet: `facilitator chips stock set KEY N` records how many "
                "you have."))
    return 0


def _row(key: str, label: str, stock: dict) -> dict:
    level = chip_stock.level(stock, key)
    status = level.status if key in stock else "not counted"
    return {"key": key, "label": label, "on_hand": level.on_hand,
            "reorder_at": level.reorder_at, "status": status}


def _flag(row: dict) -> str:
    if row["status"] == "out" and row["on_hand"] < 0:
        return "  " + _("OUT, {n} more given than counted").format(n=-row["on_hand"])
    flags = {"low": _("LOW"), "out": _("OUT")}
    return f"  {flags[row['status']]}" if row["status"] in flags else ""
