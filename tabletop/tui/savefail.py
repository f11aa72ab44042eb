"""What the room is told when the save refuses an action (a full disk, a lost USB stick)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode

from ..lang import Domain
from ..store import SaveWriteError
from ..store.errors import disk_advice
from .text import literal

if TYPE_CHECKING:
    from ..play.session import Session

_, ngettext, N_ = Domain("tui").words()


def not_saved_words(exc: OSError, save: Path, by_bot: bool = False) -> str:
    """Why the save refused, what is on disk, and how to go on — in a facilitator's words.

    The notification's title says that the action was not taken.
    """
    from ..content.oswords import system_words  # an error path: not on the start path
    reason = system_words(exc)
    restored = exc.restored if isinstance(exc, SaveWriteError) else True
    what = disk_advice(exc.errno, save.parent)
    advice = (_("{advice}, then press p to go on.") if by_bot else _("{advice}, then do it again.")).format(advice=what)
    if isinstance(exc, SaveWriteError) and exc.gone:  # found from outside: "as it was" said of a deleted save
        return _("Could not write to {save} ({reason}). The save was deleted or its folder removed during the game, "
                 "and no folder would take it again (its own folder, the working folder, the home folder, the temp "
                 "folder): the game so far is held open by tabletop. Do not quit: free some space or make the folder "
                 "again, then {again}.").format(save=save, reason=reason,
                                                again=_("press p to go on") if by_bot else _("do it again"))
    on_disk = (
        _("The save on disk is as it was before this action, and the board shows what it holds.")
        if restored
        else _("The save's last line may be incomplete; tabletop resume {save} drops it.").format(save=save)
    )
    return _("Could not write to {save} ({reason}). {on_disk} {advice}").format(
        save=save, reason=reason, on_disk=on_disk, advice=advice)


def said_relinked(node: DOMNode, session: Session) -> bool:
    """If the save's name lost its file during the last action (deleted, moved, replaced) and the save was
    written again, whole (:attr:`~tabletop.store.SaveWriter.relinked_from`), tell the room where it is now."""
    writer = session.writer
    before, writer.relinked_from = writer.relinked_from, None
    if before is None:
        return False
    said = literal(_("{before} was deleted, moved or written over during the game. Nothing is lost: every event is "
                     "written again at {path}.").format(before=before, path=writer.path))  # paths from the disk, shown literally
    node.app.notify(said, markup=False, title=_("The save was written again"), severity="warning", timeout=20)
    return True
