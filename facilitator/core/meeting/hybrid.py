"""Hybrid meetings: people in the room and people online, counted and told apart."""

from facilitator.core.i18n import _
from facilitator.core.meeting.session import MeetingSession
from facilitator.core.money import format_cents


def collected_text(session: MeetingSession) -> str:
    """'collected: 47.25 USD' and, once anything was given online, how it splits."""
    whole = format_cents(session.collection, session.currency)
    if not session.collection_online:
        return _("collected: {amount}").format(amount=whole)
    in_room, online = format_cents(session.collection_in_room), format_cents(session.collection_online)
    return _("collected: {amount} ({in_room} in the room, {online} online)").format(
        amount=whole, in_room=in_room, online=online)
