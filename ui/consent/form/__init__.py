"""The consent form: its dialog, sections, pickers, evidence list, and how it is saved."""

from ui.consent.form.dialog import ConsentDialog
from ui.consent.form.saving import Saved, save_form

__all__ = ["ConsentDialog", "Saved", "save_form"]
