/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The selected step's editor in the designer: title, kind, day, required, "done when"
 * rule and body, each change saved through the scenario editor. */

#define G_LOG_DOMAIN "tenure-step-editor"

#include "config.h"

#include "tenure-scenario-designer-private.h"

/* The "done when" choices; the first means marked by hand. */
static const struct { const char *kind; const char *label; } event_choices[] = {
  { NULL, N_("Marked done by hand") },
  { "session", N_("The customer logs in") },
  { "action", N_("The customer takes an action") },
  { "feature_used", N_("The customer uses a feature") },
  { "job_completed", N_("The customer completes a job") },
};

/* Jobs only matter for "completes a job"; the row says the rule in a sentence. */
static void
update_done_when_row (TenureScenarioDesigner *self,
                      guint                   event)
{
  g_autofree char *subtitle = NULL;
  guint job = gtk_drop_down_get_selected (self->done_job_dropdown);
  gboolean on_job = event < G_N_ELEMENTS (event_choices) &&
                    g_strcmp0 (event_choices[event].kind, "job_completed") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->done_job_dropdown), on_job);
  if (event == 0 || event >= G_N_ELEMENTS (event_choices))
    subtitle = g_strdup (_("Nothing the customer does marks it done: it is marked done by hand, "
                           "for example after a call"));
  else if (on_job && job != GTK_INVALID_LIST_POSITION && job > 0 && self->jobs != NULL &&
           job <= self->jobs->len)
    /* Translators: %s is the name of a job */
    subtitle = g_strdup_printf (_("Done the first time the customer completes “%s” after "
                                  "enrolling"),
                                ((TenureScenarioJob *) g_ptr_array_index (self->jobs,
                                                                          job - 1))->name);
  else if (on_job)
    subtitle = g_strdup (_("Done the first time the customer completes any job after "
                           "enrolling"));
  else
    subtitle = g_strdup (_("Done the first time this happens after the customer is enrolled"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->done_when_row), subtitle);
}

void
_tenure_step_editor_update (TenureScenarioDesigner *self)
{
  TenureStep *step = selected_step (self);
  g_autofree char *description = NULL;
  guint event = 0;
  guint job = 0;

  /* A title refused while the user types stays, with its message, until it is fixed or
   * another step is chosen: reloads after other edits must not undo the typing. */
  gboolean keep_typed = step != NULL && step->id == self->shown_step &&
                        gtk_widget_has_css_class (GTK_WIDGET (self->title_row), "error");

  self->updating++;

  gtk_widget_set_visible (GTK_WIDGET (self->step_group), step != NULL);
  if (!keep_typed)
    {
      error_row_show (self->step_error, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
    }
  self->shown_step = step != NULL ? step->id : 0;
  if (step != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
      g_autofree char *body = NULL;
      GtkTextIter start, end;

      /* Translators: the heading of the selected step's editor; %d is its position */
      description = g_strdup_printf (_("Step %d"), step->position);
      adw_preferences_group_set_title (self->step_group, description);

      if (!keep_typed)
        set_editable_text (GTK_EDITABLE (self->title_row), step->title);
      adw_combo_row_set_selected (self->kind_row, step->kind);
      gtk_spin_button_set_value (self->day_spin, step->day_offset);
      gtk_switch_set_active (self->required_switch, step->required);

      for (guint i = 1; i < G_N_ELEMENTS (event_choices); i++)
        if (g_strcmp0 (step->done_when_event_kind, event_choices[i].kind) == 0)
          event = i;
      gtk_drop_down_set_selected (self->event_dropdown, event);
      for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
        if (((TenureScenarioJob *) g_ptr_array_index (self->jobs, i))->id == step->done_when_job_id)
          job = i + 1;
      gtk_drop_down_set_selected (self->done_job_dropdown, job);
      update_done_when_row (self, event);

      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->body_view), &start, &end);
      body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (body, step->body != NULL ? step->body : "") != 0)
        gtk_text_buffer_set_text (buffer, step->body != NULL ? step->body : "", -1);
    }

  self->updating--;
}

static void
step_error (TenureScenarioDesigner *self,
            GError                 *error)
{
  error_row_show (self->step_error, error->message);
}

static void
title_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  const char *title;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  if (!tenure_scenario_editor_set_step_title (self->editor, step->id, title, &error))
    {
      /* Shown inline: the title keeps what the user typed until it is valid. */
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      step_error (self, error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  error_row_show (self->step_error, NULL);
}

static void
kind_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating > 0 || step == NULL || !editable (self) || kind == GTK_INVALID_LIST_POSITION ||
      kind == step->kind)
    return;

  check (self, tenure_scenario_editor_set_step_kind (self->editor, step->id, kind, &error), error);
}

static void
day_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int day = gtk_spin_button_get_value_as_int (self->day_spin);

  if (self->updating > 0 || step == NULL || !editable (self) || day == step->day_offset)
    return;

  if (!tenure_scenario_editor_set_step_day_offset (self->editor, step->id, day, &error))
    step_error (self, error);
}

static void
required_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  gboolean required = gtk_switch_get_active (self->required_switch);

  if (self->updating > 0 || step == NULL || !editable (self) || required == step->required)
    return;

  if (!check (self, tenure_scenario_editor_set_step_required (self->editor, step->id, required,
                                                               &error), error))
    _tenure_step_editor_update (self);
}

static void
done_when_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  guint event = gtk_drop_down_get_selected (self->event_dropdown);
  guint job = gtk_drop_down_get_selected (self->done_job_dropdown);
  gint64 job_id = 0;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  if (event == 0 || event >= G_N_ELEMENTS (event_choices))
    event = 0;
  update_done_when_row (self, event);
  if (g_strcmp0 (event_choices[event].kind, "job_completed") != 0)
    job = 0;
  if (event != 0 && job != GTK_INVALID_LIST_POSITION && job > 0 && self->jobs != NULL &&
      job <= self->jobs->len)
    job_id = ((TenureScenarioJob *) g_ptr_array_index (self->jobs, job - 1))->id;

  if (g_strcmp0 (event_choices[event].kind, step->done_when_event_kind) == 0 &&
      job_id == step->done_when_job_id)
    return;

  if (!check (self, tenure_scenario_editor_set_step_done_when (self->editor, step->id,
                                                               event_choices[event].kind,
                                                               job_id, &error), error))
    _tenure_step_editor_update (self);
}

static void
body_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  if (self->updating > 0 || step == NULL || !editable (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  check (self, tenure_scenario_editor_set_step_body (self->editor, step->id, body, &error), error);
}

GtkWidget *
_tenure_step_editor_build (TenureScenarioDesigner *self)
{
  GtkWidget *group = group_new (_("Step"), NULL);
  GtkWidget *row;
  GtkWidget *buttons;
  GtkWidget *button;
  GtkWidget *frame;
  GtkWidget *label;
  GtkWidget *box;
  g_autoptr(GtkStringList) events = gtk_string_list_new (NULL);
  GtkStringList *kinds;

  self->step_group = ADW_PREFERENCES_GROUP (group);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_from_icon_name ("go-up-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Up (Alt+Up)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.move-up");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("go-down-symbolic");
  gtk_widget_set_tooltip_text (button, _("Move Down (Alt+Down)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.move-down");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete Step"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.delete-step");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  self->title_row = entry_row_new (_("Title"));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  self->step_error = error_row_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->step_error));

  self->kind_row = combo_row_new (_("Kind"), NULL, &kinds);
  for (guint k = TENURE_STEP_CONTENT; k <= TENURE_STEP_CHECKIN; k++)
    gtk_string_list_append (kinds, tenure_step_kind_get_label (k));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Day"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Days after the customer is enrolled: 0 is the enrolment "
                                 "day"));
  self->day_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 365, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->day_spin), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->day_spin, "value-changed", G_CALLBACK (day_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->day_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = switch_row_new (_("Required"),
                        _("A customer completes the scenario when every required step is done"),
                        &self->required_switch);
  g_signal_connect_swapped (self->required_switch, "notify::active",
                            G_CALLBACK (required_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  self->done_when_row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Done When"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  for (guint i = 0; i < G_N_ELEMENTS (event_choices); i++)
    gtk_string_list_append (events, _(event_choices[i].label));
  self->event_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&events)),
                                                           NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->event_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_dropdown),
                               _("The customer activity that marks the step done"));
  g_signal_connect_swapped (self->event_dropdown, "notify::selected",
                            G_CALLBACK (done_when_changed_cb), self);
  self->done_job_model = gtk_string_list_new (NULL);
  self->done_job_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->done_job_model),
                                                              NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->done_job_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_job_dropdown),
                               _("Which job the customer must complete"));
  g_signal_connect_swapped (self->done_job_dropdown, "notify::selected",
                            G_CALLBACK (done_when_changed_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->event_dropdown));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->done_job_dropdown));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* The body: what the customer receives or does. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  label = gtk_label_new_with_mnemonic (_("_Message or instructions"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->body_view));
  gtk_text_view_set_wrap_mode (self->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->body_view, 8);
  gtk_text_view_set_bottom_margin (self->body_view, 8);
  gtk_text_view_set_left_margin (self->body_view, 10);
  gtk_text_view_set_right_margin (self->body_view, 10);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->body_view), FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->body_view), -1, 96);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (body_changed_cb), self);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->body_view));
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  return group;
}
