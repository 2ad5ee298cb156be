/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page's actions: new scenario (from a template), open, back, undo, redo,
 * rename, duplicate, activate, delete, export and import, with Ctrl+Z / Shift+Ctrl+Z. */

#define G_LOG_DOMAIN "tenure-onboarding-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-onboarding-page-private.h"
#include "tenure-template-chooser.h"

static void
new_chosen_cb (TenureOnboardingPage *self,
               const char           *template_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  if (template_id != NULL)
    id = tenure_scenario_editor_create_from_template (self->editor, template_id, &error);
  else
    {
      g_autofree char *name = tenure_scenario_unique_name (self->edit_db, _("New scenario"));

      id = tenure_scenario_editor_create (self->editor, name, &error);
    }

  if (_tenure_onboarding_page_report (self, id != 0, error))
    tenure_onboarding_page_open_scenario (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *chooser = tenure_template_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL);

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (new_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tenure_onboarding_page_open_scenario (TENURE_ONBOARDING_PAGE (widget),
                                        g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _tenure_onboarding_page_show_list (TENURE_ONBOARDING_PAGE (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->editor != NULL && tenure_scenario_editor_can_undo (self->editor))
    _tenure_onboarding_page_report (self, tenure_scenario_editor_undo (self->editor, &error),
                                    error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->editor != NULL && tenure_scenario_editor_can_redo (self->editor))
    _tenure_onboarding_page_report (self, tenure_scenario_editor_redo (self->editor, &error),
                                    error);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  id = tenure_scenario_editor_duplicate (self->editor, g_variant_get_int64 (parameter), &error);
  if (_tenure_onboarding_page_report (self, id != 0, error))
    tenure_onboarding_page_open_scenario (self, id);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = NULL;

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  scenario = tenure_scenario_load (self->edit_db, g_variant_get_int64 (parameter), &error);
  if (_tenure_onboarding_page_report (self, scenario != NULL, error))
    {
      gboolean ok = tenure_scenario_editor_set_active (self->editor, scenario->id,
                                                       !scenario->active, &error);

      _tenure_onboarding_page_report (self, ok, error);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  scenario = tenure_scenario_load (self->edit_db, g_variant_get_int64 (parameter), &error);
  if (!_tenure_onboarding_page_report (self, scenario != NULL, error))
    return;

  /* Translators: %s is the name of a deleted scenario */
  message = g_strdup_printf (_("“%s” deleted"), scenario->name);
  ok = tenure_scenario_editor_delete (self->editor, scenario->id, &error);
  if (_tenure_onboarding_page_report (self, ok, error))
    _tenure_onboarding_page_show_toast (self, message, TRUE);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "scenario-id");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "rename") != 0 || !_tenure_onboarding_page_can_edit (self))
    return;

  ok = tenure_scenario_editor_rename (self->editor, id, gtk_editable_get_text (entry), &error);
  _tenure_onboarding_page_report (self, ok, error);
  tenure_scenario_editor_seal (self->editor);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *entry;
  gint64 id = g_variant_get_int64 (parameter);

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  scenario = tenure_scenario_load (self->edit_db, id, &error);
  if (!_tenure_onboarding_page_report (self, scenario != NULL, error))
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Scenario"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), scenario->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "scenario-id",
                          g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (user_data);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (native), "scenario-id");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT && self->edit_db != NULL && !self->enrolling)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = g_file_get_path (file);
      ok = tenure_scenario_export_file (self->edit_db, id, path, &error);
      if (_tenure_onboarding_page_report (self, ok, error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);

          _tenure_onboarding_page_show_toast (self, message, FALSE);
        }
    }

  g_object_unref (native);
  g_object_unref (self);
}

static GtkFileChooserNative *
create_json_chooser (TenureOnboardingPage *self,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Onboarding scenarios (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  return native;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->edit_db == NULL || self->enrolling)
    return;

  scenario = tenure_scenario_load (self->edit_db, id, &error);
  if (!_tenure_onboarding_page_report (self, scenario != NULL, error))
    return;

  native = create_json_chooser (self, _("Export Scenario"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                _("_Export"));
  file_name = g_strdelimit (g_strconcat (scenario->name, ".json", NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data_full (G_OBJECT (native), "scenario-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  if (response == GTK_RESPONSE_ACCEPT && _tenure_onboarding_page_can_edit (self))
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = g_file_get_path (file);
      id = tenure_scenario_import_file (self->edit_db, path, &error);
      if (_tenure_onboarding_page_report (self, id != 0, error))
        {
          tenure_page_queue_reload (TENURE_PAGE (self));
          tenure_onboarding_page_open_scenario (self, id);
        }
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenureOnboardingPage *self = TENURE_ONBOARDING_PAGE (widget);
  GtkFileChooserNative *native;

  if (!_tenure_onboarding_page_can_edit (self))
    return;

  native = create_json_chooser (self, _("Import Scenario"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                _("_Import"));
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_tenure_onboarding_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "onboarding.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "onboarding.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "onboarding.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "onboarding.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "onboarding.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "onboarding.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "onboarding.rename", "x", rename_action);
  gtk_widget_class_install_action (widget_class, "onboarding.duplicate", "x", duplicate_action);
  gtk_widget_class_install_action (widget_class, "onboarding.toggle-active", "x",
                                   toggle_active_action);
  gtk_widget_class_install_action (widget_class, "onboarding.export", "x", export_action);
  gtk_widget_class_install_action (widget_class, "onboarding.delete", "x", delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "onboarding.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "onboarding.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "onboarding.redo", NULL);
}
