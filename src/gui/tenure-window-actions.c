/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: open, import, export, and whether each can run now. */

#define G_LOG_DOMAIN "tenure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-window-private.h"

static void
open_response_cb (TenureWindow         *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        tenure_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (workspaces, _("Tenure Workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.tenure");

  native = gtk_file_chooser_native_new (_("Open a Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), workspaces);

  if (self->workspace != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (tenure_workspace_get_file (self->workspace));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
copy_command_cb (AdwMessageDialog *dialog,
                 const char       *response)
{
  const char *command = g_object_get_data (G_OBJECT (dialog), "command");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), command);
}

/* Until the import assistant exists, says how to import with tenure-cli. */
static void
import_help_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->workspace != NULL)
    quoted = g_shell_quote (tenure_workspace_get_path (self->workspace));

  /* Translators: a command line; keep "tenure-cli import", translate the words in capitals */
  command = g_strdup_printf (_("tenure-cli import %s KIND FILE.csv"),
                             quoted != NULL ? quoted : _("WORKSPACE.tenure"));
  body = g_strdup_printf (_("The assistant that imports CSV files comes in a later version "
                            "of Tenure. Until then, import each file from a terminal, then open "
                            "the workspace here:\n\n%s\n\nKIND is one of accounts, subscriptions, "
                            "events, responses, spend, tickets or answers. The workspace is "
                            "created if it does not exist yet."),
                          command);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import From the Command Line"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("C_opy the Command"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "command", g_steal_pointer (&command), g_free);
  g_signal_connect (dialog, "response::copy", G_CALLBACK (copy_command_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TenureWindow *self = TENURE_WINDOW (widget);

  tenure_report_exporter_choose (self->exporter, self->workspace);
}

/* The import assistant comes in a later version: its action stays disabled, so the menu
 * and the shortcuts show that it is not there yet. */
static void
unavailable_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_warn_if_reached ();
}

void
_tenure_window_class_actions_init (TenureWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import-help", NULL, import_help_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, unavailable_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

void
_tenure_window_update_actions (TenureWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->workspace != NULL &&
                                 !tenure_report_exporter_get_busy (self->exporter));
}
