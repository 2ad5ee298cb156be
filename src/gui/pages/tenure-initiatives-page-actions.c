/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Initiatives page's form and actions: new, edit, save, delete with a toast offering
 * Undo, and Ctrl+Z / Ctrl+Shift+Z through TenureInitiativeEditor. */

#define G_LOG_DOMAIN "tenure-initiatives-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-initiatives-page-private.h"

static guint
month_position (TenureInitiativesPage *self,
                int                    month)
{
  for (guint i = 0; i < self->months->len; i++)
    if (g_array_index (self->months, int, i) == month)
      return i;
  return 0;
}

static guint
target_position (TenureInitiativesPage  *self,
                 const TenureInitiative *initiative)
{
  for (guint i = 0; i < self->target_segments->len; i++)
    {
      const char *segment = g_ptr_array_index (self->target_segments, i);
      gint64 scenario = g_array_index (self->target_scenarios, gint64, i);

      if ((segment != NULL && g_strcmp0 (segment, initiative->segment) == 0) ||
          (scenario != 0 && scenario == initiative->scenario_id))
        return i;
    }
  return 0;
}

/* The form's fields as an initiative (id: the one edited, or 0). */
static TenureInitiative *
read_form (TenureInitiativesPage *self)
{
  TenureInitiative *initiative = tenure_initiative_new ();
  guint first = adw_combo_row_get_selected (self->first_row);
  guint last = adw_combo_row_get_selected (self->last_row);
  guint target = adw_combo_row_get_selected (self->target_row);

  initiative->id = self->editing_id;
  g_free (initiative->name);
  initiative->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (initiative->notes);
  initiative->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  initiative->cost_cents = (gint64) llround (gtk_spin_button_get_value (self->cost_spin) * 100);
  if (first < self->months->len)
    initiative->start_month = g_array_index (self->months, int, first);
  if (last < self->months->len)
    initiative->end_month = g_array_index (self->months, int, last);
  if (target < self->target_segments->len)
    {
      initiative->segment = g_strdup (g_ptr_array_index (self->target_segments, target));
      initiative->scenario_id = g_array_index (self->target_scenarios, gint64, target);
    }

  return initiative;
}

static void
show_form_error (TenureInitiativesPage *self,
                 const GError          *error)
{
  gtk_label_set_label (self->form_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), error != NULL);
}

static void
open_form (TenureInitiativesPage  *self,
           const TenureInitiative *initiative)
{
  int month = tenure_page_get_month (TENURE_PAGE (self));

  self->filling = TRUE;
  self->editing_id = initiative != NULL ? initiative->id : 0;
  adw_preferences_group_set_title (self->form_group, initiative != NULL ? _("Edit Initiative")
                                                                        : _("New Initiative"));
  adw_preferences_group_set_description (self->form_group,
                                         initiative != NULL
                                         ? _("Changes are saved as you make them; Ctrl+Z undoes "
                                             "them.")
                                         : _("A retention action with its cost, its months and "
                                             "the customers it targets."));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), initiative != NULL ? initiative->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         initiative != NULL ? initiative->notes : "");
  adw_entry_row_set_show_apply_button (self->name_row, initiative != NULL);
  adw_entry_row_set_show_apply_button (self->notes_row, initiative != NULL);
  gtk_spin_button_set_value (self->cost_spin,
                             initiative != NULL ? initiative->cost_cents / 100.0 : 0);
  adw_combo_row_set_selected (self->first_row,
                              month_position (self, initiative != NULL
                                                    ? initiative->start_month : month));
  adw_combo_row_set_selected (self->last_row,
                              month_position (self, initiative != NULL
                                                    ? initiative->end_month : month + 2));
  adw_combo_row_set_selected (self->target_row,
                              initiative != NULL ? target_position (self, initiative) : 0);
  {
    /* Translators: the cost field's title with the workspace's currency, "Cost in EUR" */
    g_autofree char *cost_title = g_strdup_printf (_("Cost in %s"),
                                                   self->currency != NULL ? self->currency : "EUR");

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cost_row), cost_title);
  }
  gtk_button_set_label (self->save_button, initiative != NULL ? _("_Done") : _("_Create"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), initiative == NULL);
  show_form_error (self, NULL);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

void
_tenure_initiatives_page_close_form (TenureInitiativesPage *self)
{
  self->editing_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* In the edit form, every change is saved at once. */
static void
form_changed_cb (TenureInitiativesPage *self)
{
  g_autoptr(TenureInitiative) initiative = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  /* Creating: the user is fixing what was refused, the message can go. */
  if (self->editing_id == 0 || self->editor == NULL)
    {
      show_form_error (self, NULL);
      return;
    }

  initiative = read_form (self);
  tenure_initiative_editor_update (self->editor, initiative, &error);
  show_form_error (self, error);
}

/* Typing a name clears a refusal; the edit form saves the name on apply only. */
static void
name_changed_cb (TenureInitiativesPage *self)
{
  if (!self->filling && self->editing_id == 0)
    show_form_error (self, NULL);
}

static void
show_toast (TenureInitiativesPage *self,
            const char            *message,
            gboolean               offer_undo)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "initiatives.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_form (TENURE_INITIATIVES_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (widget);
  g_autoptr(TenureInitiative) initiative = NULL;
  g_autoptr(GError) error = NULL;

  if (self->edit_db == NULL)
    return;
  initiative = tenure_initiative_load (self->edit_db, g_variant_get_int64 (parameter), &error);
  if (initiative == NULL)
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  open_form (self, initiative);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (widget);
  g_autoptr(TenureInitiative) initiative = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->editor == NULL)
    return;
  initiative = tenure_initiative_load (self->edit_db, g_variant_get_int64 (parameter), &error);
  if (initiative == NULL ||
      !tenure_initiative_editor_delete (self->editor, initiative->id, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), initiative->name);
  show_toast (self, message, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (widget);
  g_autoptr(TenureInitiative) initiative = NULL;
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL)
    return;

  initiative = read_form (self);
  if (self->editing_id != 0)
    tenure_initiative_editor_update (self->editor, initiative, &error);
  else
    tenure_initiative_editor_create (self->editor, initiative, &error);

  show_form_error (self, error);
  if (error == NULL)
    _tenure_initiatives_page_close_form (self);
}

static void
close_form_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _tenure_initiatives_page_close_form (TENURE_INITIATIVES_PAGE (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL || !tenure_initiative_editor_can_undo (self->editor))
    return;
  if (!tenure_initiative_editor_undo (self->editor, &error))
    show_toast (self, error->message, FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TenureInitiativesPage *self = TENURE_INITIATIVES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL || !tenure_initiative_editor_can_redo (self->editor))
    return;
  if (!tenure_initiative_editor_redo (self->editor, &error))
    show_toast (self, error->message, FALSE);
}

void
_tenure_initiatives_page_update_sensitivity (TenureInitiativesPage *self)
{
  gboolean editable = self->editor != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.new", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.undo",
                                 editable && tenure_initiative_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "initiatives.redo",
                                 editable && tenure_initiative_editor_can_redo (self->editor));
}

/* The editor */

/* After an undo or redo, the edit form shows the initiative as it now is. */
void
_tenure_initiatives_page_refresh_form (TenureInitiativesPage *self)
{
  g_autoptr(TenureInitiative) stored = NULL;
  g_autoptr(TenureInitiative) shown = NULL;

  if (self->editing_id == 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                          "form") != 0)
    return;

  stored = tenure_initiative_load (self->edit_db, self->editing_id, NULL);
  if (stored == NULL)
    {
      _tenure_initiatives_page_close_form (self);
      return;
    }

  shown = read_form (self);
  self->filling = TRUE;
  if (g_strcmp0 (stored->name, shown->name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), stored->name);
  if (g_strcmp0 (stored->notes, shown->notes) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->notes_row), stored->notes);
  if (stored->cost_cents != shown->cost_cents)
    gtk_spin_button_set_value (self->cost_spin, stored->cost_cents / 100.0);
  if (stored->start_month != shown->start_month)
    adw_combo_row_set_selected (self->first_row, month_position (self, stored->start_month));
  if (stored->end_month != shown->end_month)
    adw_combo_row_set_selected (self->last_row, month_position (self, stored->end_month));
  if (g_strcmp0 (stored->segment, shown->segment) != 0 ||
      stored->scenario_id != shown->scenario_id)
    adw_combo_row_set_selected (self->target_row, target_position (self, stored));
  self->filling = FALSE;
}

void
_tenure_initiatives_page_connect_form (TenureInitiativesPage *self)
{
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->notes_row, "apply", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->cost_spin, "value-changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->first_row, "notify::selected",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->last_row, "notify::selected",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->target_row, "notify::selected",
                            G_CALLBACK (form_changed_cb), self);
}

void
_tenure_initiatives_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "initiatives.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "initiatives.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "initiatives.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "initiatives.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "initiatives.close-form", NULL,
                                   close_form_action);
  gtk_widget_class_install_action (widget_class, "initiatives.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "initiatives.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "initiatives.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "initiatives.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "initiatives.redo", NULL);
}
