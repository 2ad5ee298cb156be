/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scenario designer: settings, steps in order with their measured funnel, the selected
 * step's editor and the timeline. Edits go through TenureScenarioEditor (saved and
 * undoable); the page reloads the scenario when the editor says it changed. */

#define G_LOG_DOMAIN "tenure-scenario-designer"

#include "config.h"

#include "tenure-scenario-designer-private.h"
#include "tenure-scenario-timeline.h"

G_DEFINE_FINAL_TYPE (TenureScenarioDesigner, tenure_scenario_designer, ADW_TYPE_BIN)

enum {
  TOAST,
  ENROL_SEGMENT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Helpers */

void
_tenure_scenario_designer_toast (TenureScenarioDesigner *self,
                                 const char             *message,
                                 gboolean                offer_undo)
{
  g_signal_emit (self, signals [TOAST], 0, message, offer_undo);
}

/* Scenario settings */

static void
name_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || !editable (self))
    return;

  if (!tenure_scenario_editor_rename (self->editor, self->scenario->id,
                                      gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                      &error))
    {
      /* Shown under the name, which keeps what the user typed until it is valid. */
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      error_row_show (self->name_error_row, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  error_row_show (self->name_error_row, NULL);
}

static void
description_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  const char *description;

  if (self->updating > 0 || !editable (self))
    return;

  description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  check (self, tenure_scenario_editor_set_description (self->editor, self->scenario->id,
                                                       description, &error), error);
}

static void
active_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->active_switch);

  if (self->updating > 0 || !editable (self) || active == self->scenario->active)
    return;

  if (!tenure_scenario_editor_set_active (self->editor, self->scenario->id, active, &error))
    {
      /* Said next to the switch, which goes back to what the scenario is. */
      _tenure_scenario_designer_refresh (self);
      error_row_show (self->active_error_row, error->message);
      return;
    }
  error_row_show (self->active_error_row, NULL);
}

static void
job_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->job_row);
  gint64 job_id = 0;

  if (self->updating > 0 || !editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && self->jobs != NULL && selected <= self->jobs->len)
    job_id = ((TenureScenarioJob *) g_ptr_array_index (self->jobs, selected - 1))->id;
  if (job_id == self->scenario->job_id)
    return;

  check (self, tenure_scenario_editor_set_job (self->editor, self->scenario->id, job_id, &error),
         error);
}

static void
segment_changed_cb (TenureScenarioDesigner *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->segment_row);
  const char *segment = NULL;

  if (self->updating > 0 || !editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && self->segments != NULL && selected <= g_strv_length (self->segments))
    segment = self->segments[selected - 1];
  if (g_strcmp0 (segment, self->scenario->auto_enrol_segment) == 0)
    return;

  if (segment != NULL)
    {
      /* The page asks from which signup day, then enrols off the main thread; the row shows
       * the scenario's setting until then. */
      g_autofree char *chosen = g_strdup (segment);

      _tenure_scenario_designer_refresh (self);
      g_signal_emit (self, signals [ENROL_SEGMENT], 0, chosen);
      return;
    }

  if (check (self, tenure_scenario_editor_set_auto_enrolment (self->editor, self->scenario->id,
                                                              NULL, 0, NULL, &error), error))
    _tenure_scenario_designer_toast (self, _("New signups are no longer enrolled automatically"),
                                     TRUE);
}

/* What the enrolment row says about the scenario's setting. */
static void
update_enrolment_subtitle (TenureScenarioDesigner *self)
{
  const TenureScenario *scenario = self->scenario;
  g_autofree char *subtitle = NULL;

  if (scenario == NULL || scenario->auto_enrol_segment == NULL)
    subtitle = g_strdup (_("Nobody is enrolled automatically: choose a segment, or enrol "
                           "customers by hand below"));
  else if (scenario->active)
    /* Translators: %s is a segment */
    subtitle = g_strdup_printf (_("New %s customers are enrolled on their signup day as they "
                                  "are imported"), scenario->auto_enrol_segment);
  else
    /* Translators: %s is a segment */
    subtitle = g_strdup_printf (_("New %s customers will be enrolled as they are imported, "
                                  "once the scenario is active"), scenario->auto_enrol_segment);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->segment_row), subtitle);
}

/* Refreshing from the scenario */

static void
row_selected_cb (TenureScenarioDesigner *self,
                 GtkListBoxRow          *row)
{
  if (self->updating > 0)
    return;

  if (self->editor != NULL)
    tenure_scenario_editor_seal (self->editor);
  self->selected_step = 0;
  if (row != NULL)
    {
      guint index = gtk_list_box_row_get_index (row);

      if (index < self->rows->len)
        self->selected_step = g_array_index (self->rows, RowInfo, index).step_id;
    }
  _tenure_step_editor_update (self);
}

void
_tenure_scenario_designer_refresh (TenureScenarioDesigner *self)
{
  TenureScenario *scenario = self->scenario;
  GtkWidget *child;
  guint job = 0;
  guint segment = 0;

  self->updating++;

  /* The rows only: the placeholder stays. */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->steps_list, 0))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  g_array_set_size (self->rows, 0);

  tenure_scenario_timeline_set_scenario (TENURE_SCENARIO_TIMELINE (self->timeline), scenario);
  adw_preferences_group_set_description (self->timeline_group,
                                         scenario == NULL || scenario->steps->len == 0
                                         ? _("Each step will show here on its day, counted from "
                                             "the customer’s enrolment.")
                                         : _("When each step happens after enrolment: filled "
                                             "dots are required steps, hollow dots optional "
                                             "ones."));

  if (scenario != NULL)
    {
      /* A refused name stays as typed, with its message (see name_changed_cb). */
      if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error"))
        set_editable_text (GTK_EDITABLE (self->name_row), scenario->name);
      set_editable_text (GTK_EDITABLE (self->description_row), scenario->description);
      gtk_switch_set_active (self->active_switch, scenario->active);
      for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
        if (((TenureScenarioJob *) g_ptr_array_index (self->jobs, i))->id == scenario->job_id)
          job = i + 1;
      adw_combo_row_set_selected (self->job_row, job);
      for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
        if (g_strcmp0 (self->segments[i], scenario->auto_enrol_segment) == 0)
          segment = i + 1;
      adw_combo_row_set_selected (self->segment_row, segment);
      update_enrolment_subtitle (self);

      if (find_step (self, self->selected_step) == NULL)
        self->selected_step = scenario->steps->len > 0
                              ? ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id
                              : 0;
      for (guint i = 0; i < scenario->steps->len; i++)
        {
          TenureStep *step = g_ptr_array_index (scenario->steps, i);
          RowInfo info = { 0 };
          GtkWidget *row = _tenure_step_row_new (self, step, &info);

          g_array_append_val (self->rows, info);
          gtk_list_box_append (self->steps_list, row);
          if (step->id == self->selected_step)
            gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (row));
        }
    }

  self->updating--;

  _tenure_scenario_designer_apply_stats (self);
  _tenure_step_editor_update (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.add-step", editable (self));
}

/* Actions */

static void
move_selected (TenureScenarioDesigner *self,
               int                     delta)
{
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int position;

  if (step == NULL || !editable (self))
    return;

  position = step->position + delta;
  if (position < 1 || position > (int) self->scenario->steps->len)
    return;

  check (self, tenure_scenario_editor_move_step (self->editor, step->id, position, &error), error);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_selected (TENURE_SCENARIO_DESIGNER (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selected (TENURE_SCENARIO_DESIGNER (widget), 1);
}

static void
delete_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (widget);
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  g_autofree char *message = NULL;

  if (step == NULL || !editable (self))
    return;

  /* Translators: %s is the title of a deleted step */
  message = g_strdup_printf (_("“%s” deleted"), step->title);
  if (check (self, tenure_scenario_editor_delete_step (self->editor, step->id, &error), error))
    _tenure_scenario_designer_toast (self, message, TRUE);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (widget);
  g_autoptr(GError) error = NULL;
  TenureStep *step = selected_step (self);
  int position;
  gint64 id;

  if (!editable (self))
    return;

  position = step != NULL ? step->position + 1 : (int) self->scenario->steps->len + 1;
  id = tenure_scenario_editor_add_step (self->editor, self->scenario->id, position,
                                        TENURE_STEP_CONTENT, _("New step"), &error);
  if (check (self, id != 0, error))
    {
      self->selected_step = id;
      _tenure_step_editor_update (self);
      /* Typing replaces "New step". */
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
    }
}

/* What a new scenario's empty list of steps says: what a step is, and how to add one. */
static GtkWidget *
create_steps_placeholder (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("No Steps Yet"));
  GtkWidget *text = gtk_label_new (_("A scenario takes a new customer through a job, step by "
                                     "step: content to read, an automation that does part of "
                                     "the work, a tutorial, or a check-in call, each on a day "
                                     "counted from the enrolment. Add the first step, then "
                                     "give it a title and a day."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add the First Step"));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 60);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.add-step");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
build_scenario_group (TenureScenarioDesigner *self)
{
  GtkWidget *group = group_new (_("Scenario"), NULL);
  GtkWidget *row;

  self->name_row = entry_row_new (_("Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  self->name_error_row = error_row_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_error_row));

  self->description_row = entry_row_new (_("Description"));
  g_signal_connect_swapped (self->description_row, "changed",
                            G_CALLBACK (description_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->description_row));

  self->job_row = combo_row_new (_("Job"), _("What the customer hires the product for"),
                                 &self->job_model);
  g_signal_connect_swapped (self->job_row, "notify::selected", G_CALLBACK (job_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->job_row));

  self->segment_row = combo_row_new (_("Automatic Enrolment"), NULL, &self->segment_model);
  g_signal_connect_swapped (self->segment_row, "notify::selected",
                            G_CALLBACK (segment_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->segment_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Enrol by Hand"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Choose existing customers to take through this scenario"));
  self->enrol_button = gtk_button_new_with_mnemonic (_("_Enrol Customers…"));
  gtk_widget_set_valign (self->enrol_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->enrol_button),
                                  "onboarding.enrol-accounts");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->enrol_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->enrol_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row_new (_("Active"),
                                             _("Active scenarios enrol new signups as they are "
                                               "imported; a scenario needs at least one "
                                               "required step to be active"),
                                             &self->active_switch));
  g_signal_connect_swapped (self->active_switch, "notify::active",
                            G_CALLBACK (active_changed_cb), self);
  self->active_error_row = error_row_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (self->active_error_row));

  return group;
}

static void
tenure_scenario_designer_dispose (GObject *object)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (tenure_scenario_designer_parent_class)->dispose (object);
}

static void
tenure_scenario_designer_finalize (GObject *object)
{
  TenureScenarioDesigner *self = TENURE_SCENARIO_DESIGNER (object);

  g_clear_pointer (&self->scenario, tenure_scenario_free);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_strfreev);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->step_stats, g_array_unref);
  g_clear_object (&self->funnel_group);

  G_OBJECT_CLASS (tenure_scenario_designer_parent_class)->finalize (object);
}

static void
tenure_scenario_designer_class_init (TenureScenarioDesignerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_scenario_designer_dispose;
  object_class->finalize = tenure_scenario_designer_finalize;

  /**
   * TenureScenarioDesigner::toast:
   * @message: what to tell the user
   * @offer_undo: whether the toast offers to undo the last edit
   */
  signals [TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * TenureScenarioDesigner::enrol-segment:
   * @segment: the segment the manager chose for automatic enrolment
   *
   * Emitted when the manager switches automatic enrolment on: the handler asks from which
   * signup day and applies it (tenure_scenario_editor_set_auto_enrolment()).
   */
  signals [ENROL_SEGMENT] =
    g_signal_new ("enrol-segment",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "designer.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "designer.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "designer.delete-step", NULL,
                                   delete_step_action);
  gtk_widget_class_install_action (widget_class, "designer.add-step", NULL, add_step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "designer.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "designer.move-down", NULL);
}

static void
tenure_scenario_designer_init (TenureScenarioDesigner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group;
  GtkWidget *card;
  GtkWidget *caption;
  GtkWidget *button;
  GtkWidget *content;

  self->rows = g_array_new (FALSE, TRUE, sizeof (RowInfo));
  self->funnel_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  /* The timeline, in a card. */
  group = group_new (_("Timeline"), NULL);
  self->timeline_group = ADW_PREFERENCES_GROUP (group);
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  self->timeline = tenure_scenario_timeline_new ();
  gtk_widget_set_margin_top (self->timeline, 12);
  gtk_widget_set_margin_bottom (self->timeline, 12);
  gtk_widget_set_margin_start (self->timeline, 12);
  gtk_widget_set_margin_end (self->timeline, 12);
  gtk_box_append (GTK_BOX (card), self->timeline);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  gtk_box_append (GTK_BOX (box), group);

  /* The steps with their funnel. */
  group = group_new (_("Steps"), NULL);
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Step"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "designer.add-step");
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  caption = gtk_label_new (NULL);
  self->funnel_caption = GTK_LABEL (caption);
  gtk_label_set_wrap (self->funnel_caption, TRUE);
  gtk_label_set_xalign (self->funnel_caption, 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_bottom (caption, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), caption);
  self->steps_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->steps_list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->steps_list), "boxed-list");
  gtk_list_box_set_placeholder (self->steps_list, create_steps_placeholder ());
  g_signal_connect_swapped (self->steps_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->steps_list));
  gtk_box_append (GTK_BOX (box), group);

  gtk_box_append (GTK_BOX (box), _tenure_step_editor_build (self));
  gtk_box_append (GTK_BOX (box), build_scenario_group (self));

  adw_bin_set_child (ADW_BIN (self), box);
  _tenure_scenario_designer_refresh (self);
}

GtkWidget *
tenure_scenario_designer_new (void)
{
  return g_object_new (TENURE_TYPE_SCENARIO_DESIGNER, NULL);
}

/* The editor edits go through; NULL makes the designer read-only. */
void
tenure_scenario_designer_set_editor (TenureScenarioDesigner *self,
                                     TenureScenarioEditor   *editor)
{
  GtkWidget *edit_widgets[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->description_row),
    GTK_WIDGET (self->job_row), GTK_WIDGET (self->segment_row),
    GTK_WIDGET (self->active_switch), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->day_spin),
    GTK_WIDGET (self->required_switch), GTK_WIDGET (self->event_dropdown),
    GTK_WIDGET (self->done_job_dropdown), self->enrol_button,
  };

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  g_set_object (&self->editor, editor);
  for (guint i = 0; i < G_N_ELEMENTS (edit_widgets); i++)
    gtk_widget_set_sensitive (edit_widgets[i], editor != NULL);
  gtk_text_view_set_editable (self->body_view, editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.move-up", editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.move-down", editor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "designer.delete-step", editor != NULL);
  _tenure_scenario_designer_refresh (self);
}

/* The jobs (TenureScenarioJob) and segments the pickers offer. */
void
tenure_scenario_designer_set_choices (TenureScenarioDesigner *self,
                                      GPtrArray              *jobs,
                                      const char * const     *segments)
{
  guint n;

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  self->updating++;

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  self->jobs = jobs != NULL ? g_ptr_array_ref (jobs) : NULL;
  g_clear_pointer (&self->segments, g_strfreev);
  self->segments = g_strdupv ((char **) segments);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->job_model));
  gtk_string_list_splice (self->job_model, 0, n, NULL);
  gtk_string_list_append (self->job_model, _("None"));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->done_job_model));
  gtk_string_list_splice (self->done_job_model, 0, n, NULL);
  gtk_string_list_append (self->done_job_model, _("Any job"));
  for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
    {
      TenureScenarioJob *job = g_ptr_array_index (self->jobs, i);

      gtk_string_list_append (self->job_model, job->name);
      gtk_string_list_append (self->done_job_model, job->name);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->segment_model));
  gtk_string_list_splice (self->segment_model, 0, n, NULL);
  gtk_string_list_append (self->segment_model, _("By hand"));
  for (guint i = 0; self->segments != NULL && self->segments[i] != NULL; i++)
    {
      /* Translators: automatic enrolment of the new customers of a segment */
      g_autofree char *label = g_strdup_printf (_("%s signups"), self->segments[i]);

      gtk_string_list_append (self->segment_model, label);
    }

  self->updating--;
  _tenure_scenario_designer_refresh (self);
}

static gboolean
steps_equal (const TenureStep *a,
             const TenureStep *b)
{
  return a->id == b->id && a->position == b->position && a->kind == b->kind &&
         g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->body, b->body) == 0 &&
         a->day_offset == b->day_offset && a->required == b->required &&
         g_strcmp0 (a->done_when_event_kind, b->done_when_event_kind) == 0 &&
         a->done_when_job_id == b->done_when_job_id;
}

static gboolean
scenarios_equal (const TenureScenario *a,
                 const TenureScenario *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->id != b->id || g_strcmp0 (a->name, b->name) != 0 || a->job_id != b->job_id ||
      g_strcmp0 (a->description, b->description) != 0 || a->active != b->active ||
      g_strcmp0 (a->auto_enrol_segment, b->auto_enrol_segment) != 0 ||
      a->steps->len != b->steps->len)
    return FALSE;

  for (guint i = 0; i < a->steps->len; i++)
    if (!steps_equal (g_ptr_array_index (a->steps, i), g_ptr_array_index (b->steps, i)))
      return FALSE;

  return TRUE;
}

/* Shows @scenario (taking it), keeping the selected step when it is still there. The same
 * scenario again (a reload for another month) keeps the widgets: only the funnel changes. */
void
tenure_scenario_designer_set_scenario (TenureScenarioDesigner *self,
                                       TenureScenario         *scenario)
{
  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  if (scenario != NULL && scenarios_equal (self->scenario, scenario))
    {
      tenure_scenario_free (scenario);
      return;
    }

  if (self->scenario != NULL && (scenario == NULL || scenario->id != self->scenario->id))
    {
      self->selected_step = 0;
      error_row_show (self->name_error_row, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
    }
  if (scenario == NULL || self->scenario == NULL || scenario->id != self->scenario->id ||
      scenario->active != self->scenario->active)
    error_row_show (self->active_error_row, NULL);
  g_clear_pointer (&self->scenario, tenure_scenario_free);
  self->scenario = scenario;
  _tenure_scenario_designer_refresh (self);
}

gint64
tenure_scenario_designer_get_scenario_id (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);

  return self->scenario != NULL ? self->scenario->id : 0;
}

guint
tenure_scenario_designer_get_n_rows (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);

  return self->rows->len;
}

gint64
tenure_scenario_designer_get_row_step_id (TenureScenarioDesigner *self,
                                          guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  return g_array_index (self->rows, RowInfo, index).step_id;
}

/* The value of the row's funnel bar: NAN when the row shows "—". */
double
tenure_scenario_designer_get_row_done_pct (TenureScenarioDesigner *self,
                                           guint                   index)
{
  RowInfo *info;

  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NAN);
  g_return_val_if_fail (index < self->rows->len, NAN);

  info = &g_array_index (self->rows, RowInfo, index);
  if (isnan (info->done_pct))
    return NAN;

  return gtk_level_bar_get_value (GTK_LEVEL_BAR (info->level_bar));
}

const char *
tenure_scenario_designer_get_row_done_text (TenureScenarioDesigner *self,
                                            guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_text (GTK_LABEL (g_array_index (self->rows, RowInfo, index).done_label));
}

const char *
tenure_scenario_designer_get_row_drop_text (TenureScenarioDesigner *self,
                                            guint                   index)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_text (GTK_LABEL (g_array_index (self->rows, RowInfo, index).drop_label));
}

void
tenure_scenario_designer_select_row (TenureScenarioDesigner *self,
                                     guint                   index)
{
  GtkListBoxRow *row;

  g_return_if_fail (TENURE_IS_SCENARIO_DESIGNER (self));

  row = gtk_list_box_get_row_at_index (self->steps_list, index);
  g_return_if_fail (row != NULL);
  gtk_list_box_select_row (self->steps_list, row);
}

GtkEditable *
tenure_scenario_designer_get_title_entry (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

GtkSwitch *
tenure_scenario_designer_get_required_switch (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->required_switch;
}

GtkWidget *
tenure_scenario_designer_get_timeline (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->timeline;
}

GtkListBox *
tenure_scenario_designer_get_steps_list (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->steps_list;
}

GtkEditable *
tenure_scenario_designer_get_name_entry (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

AdwComboRow *
tenure_scenario_designer_get_kind_row (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->kind_row;
}

GtkSpinButton *
tenure_scenario_designer_get_day_spin (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->day_spin;
}

/* The "done when" event (0: marked by hand) and job (0: any) pickers. */
GtkDropDown *
tenure_scenario_designer_get_event_dropdown (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->event_dropdown;
}

GtkDropDown *
tenure_scenario_designer_get_job_dropdown (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->done_job_dropdown;
}

AdwComboRow *
tenure_scenario_designer_get_segment_row (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->segment_row;
}

GtkSwitch *
tenure_scenario_designer_get_active_switch (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return self->active_switch;
}

static const char *
error_text (AdwActionRow *row)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (row)))
    return NULL;

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The message shown under the step's title, the scenario's name and the Active switch, or
 * NULL when there is none. */
const char *
tenure_scenario_designer_get_step_error (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return error_text (self->step_error);
}

const char *
tenure_scenario_designer_get_name_error (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return error_text (self->name_error_row);
}

const char *
tenure_scenario_designer_get_active_error (TenureScenarioDesigner *self)
{
  g_return_val_if_fail (TENURE_IS_SCENARIO_DESIGNER (self), NULL);

  return error_text (self->active_error_row);
}
