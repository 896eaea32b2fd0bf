"""The meeting screen and the dialogs a chair opens from it."""
