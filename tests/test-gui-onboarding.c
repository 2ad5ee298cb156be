/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Onboarding page on the demo company under Xvfb: the list's completion rates and the
 * designer's funnel equal the core's, edits through the widgets reach the file and undo
 * restores it, a scenario from a template, and screenshots. */

#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "tenure-application.h"
#include "tenure-date.h"
#include "tenure-db.h"
#include "tenure-demo.h"
#include "tenure-format.h"
#include "tenure-onboarding-page.h"
#include "tenure-scenario-timeline.h"
#include "tenure-template-chooser.h"
#include "tenure-test-gui.h"
#include "tenure-test-util.h"
#include "tenure-window-private.h"

#define DEMO_MONTH TENURE_MONTH (2026, 10)

static TenureApplication *app;
static char *tmpdir;
static char *demo_path;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (gboolean (*predicate) (gpointer),
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (source);
}

static gboolean
window_idle (gpointer data)
{
  return !tenure_window_get_loading (data);
}

static gboolean
page_ready (gpointer data)
{
  return tenure_page_is_ready (data) && !tenure_page_get_busy (data);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  wait_for (widget_mapped, widget);
  test_settle (widget, 3);
  path = test_save_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}

/* A window of @width × @height on the demo company's Onboarding page, ready. */
static TenureWindow *
open_onboarding (int                    width,
                 int                    height,
                 TenureOnboardingPage **page)
{
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_workspace_set_month (tenure_window_get_workspace (window), DEMO_MONTH);
  tenure_window_show_page (window, "onboarding");
  *page = TENURE_ONBOARDING_PAGE (tenure_window_get_visible_page (window));
  g_assert_true (TENURE_IS_ONBOARDING_PAGE (*page));
  wait_for (page_ready, *page);
  g_assert_cmpint (tenure_page_get_month (TENURE_PAGE (*page)), ==, DEMO_MONTH);

  return window;
}

static void
close_window (TenureWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for (pointer_cleared, &weak);
}

static TenureDb *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  TenureDb *db = tenure_db_open (demo_path, TENURE_DB_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

/* The scenario's steps as the file has them, one line each. */
static char *
describe (gint64 scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = tenure_scenario_load (db, scenario_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_string_append_printf (out, "%s\n", scenario->name);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "|%d|%s|%d|%d|%s\n", step->id,
                              step->position, step->title, step->required, step->day_offset,
                              tenure_step_kind_to_string (step->kind));
    }

  return g_string_free (out, FALSE);
}

static TenureScenario *
load (gint64 scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  TenureScenario *scenario = tenure_scenario_load (db, scenario_id, &error);

  g_assert_no_error (error);
  return scenario;
}

static char *
format_pct (double value)
{
  return isnan (value) ? g_strdup ("—")
                       : tenure_format_percent (value, 0, TENURE_FORMAT_NONE,
                                                TENURE_LANGUAGE_DEFAULT);
}

/* The rows of the designer are the steps of the file, in order, with the core's funnel. */
static void
assert_designer_matches (TenureScenarioDesigner *designer,
                         gint64                  scenario_id)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TenureScenario) scenario = tenure_scenario_load (db, scenario_id, &error);
  g_autoptr(TenureScenarioStats) stats = NULL;

  g_assert_no_error (error);
  stats = tenure_scenario_compute_stats (db, scenario_id, DEMO_MONTH, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  g_assert_cmpuint (stats->steps->len, ==, scenario->steps->len);
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      TenureStep *step = g_ptr_array_index (scenario->steps, i);
      TenureStepStats *s = &g_array_index (stats->steps, TenureStepStats, i);
      double shown = tenure_scenario_designer_get_row_done_pct (designer, i);
      g_autofree char *text = format_pct (s->done_pct);

      g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, i), ==, step->id);
      g_assert_cmpint (s->step_id, ==, step->id);
      g_assert_cmpstr (tenure_scenario_designer_get_row_done_text (designer, i), ==, text);
      if (isnan (s->done_pct))
        g_assert_true (isnan (shown));
      else
        g_assert_cmpfloat_with_epsilon (shown, s->done_pct, 1e-9);
    }
}

static gboolean
chooser_shown (gpointer data)
{
  GtkWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TENURE_IS_TEMPLATE_CHOOSER (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        *found = toplevel;
    }

  return *found != NULL;
}

static void
undo (TenureOnboardingPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.undo", NULL));
}

static void
test_page (void)
{
  g_autoptr(TenureDb) db = open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autofree char *before_title = NULL;
  g_autofree char *before_required = NULL;
  g_autofree char *before_move = NULL;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *now = NULL;
  TenureOnboardingPage *page;
  TenureScenarioDesigner *designer;
  TenureWindow *window;
  GtkWindow *chooser = NULL;
  const TenureScenarioTemplate *templates;
  gint64 scenario_id, first_step, second_step, created;
  gboolean required;
  guint n_templates;

  window = open_onboarding (1280, 800, &page);

  /* The list: both demo scenarios, completion as the core computes it. */
  all = tenure_scenario_compute_all_stats (db, DEMO_MONTH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      TenureScenarioStats *stats = g_ptr_array_index (all, i);
      g_autofree char *expected = format_pct (stats->completion_pct);

      g_assert_false (isnan (stats->completion_pct));
      g_assert_cmpstr (tenure_onboarding_page_get_completion_text (page, stats->scenario_id),
                       ==, expected);
    }
  screenshot (GTK_WIDGET (window), "onboarding-list-light-1280x800");

  /* The designer: rows are the steps in order, the bars the core's funnel. */
  scenario_id = ((TenureScenarioStats *) g_ptr_array_index (all, 0))->scenario_id;
  tenure_onboarding_page_open_scenario (page, scenario_id);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  designer = tenure_onboarding_page_get_designer (page);
  assert_designer_matches (designer, scenario_id);
  scenario = load (scenario_id);
  g_assert_cmpuint (scenario->steps->len, >=, 3);
  g_assert_cmpuint (tenure_scenario_timeline_get_n_markers (TENURE_SCENARIO_TIMELINE (
    tenure_scenario_designer_get_timeline (designer))), ==, scenario->steps->len);
  first_step = ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id;
  second_step = ((TenureStep *) g_ptr_array_index (scenario->steps, 1))->id;
  required = ((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required;
  screenshot (GTK_WIDGET (window), "onboarding-designer-light-1280x800");
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (designer),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (GTK_WIDGET (window), "onboarding-designer-editor-light-1280x800");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* Rename the first step's title. */
  tenure_scenario_designer_select_row (designer, 0);
  before_title = describe (scenario_id);
  gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), "Kick-off call");
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpstr (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->title, ==,
                   "Kick-off call");

  /* Toggle it required or optional. */
  before_required = describe (scenario_id);
  gtk_switch_set_active (tenure_scenario_designer_get_required_switch (designer), !required);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required, ==,
                   !required);

  /* Move it down (Alt+Down's action): it is second now. */
  before_move = describe (scenario_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.move-down", NULL));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id, ==, second_step);
  g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 1))->id, ==, first_step);
  g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, 1), ==, first_step);

  /* Delete it: the step is gone, and a toast offers to undo. */
  before_delete = describe (scenario_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.delete-step",
                                             NULL));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (scenario_id);
  for (guint i = 0; i < scenario->steps->len; i++)
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, i))->id, !=, first_step);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  after_delete = describe (scenario_id);
  wait_for (page_ready, page);
  assert_designer_matches (designer, scenario_id);

  /* Ctrl+Z four times: the file is back to each state in turn. */
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_delete);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_move);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_required);
  g_clear_pointer (&now, g_free);
  undo (page);
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_title);
  g_clear_pointer (&now, g_free);
  g_assert_false (tenure_scenario_editor_can_undo (tenure_onboarding_page_get_editor (page)));
  wait_for (page_ready, page);
  assert_designer_matches (designer, scenario_id);

  /* A step dropped on the third row moves there; undo puts it back. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (
      tenure_scenario_designer_get_steps_list (designer), 2);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
    g_auto(GValue) value = G_VALUE_INIT;
    GtkDropTarget *target = NULL;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, G_TYPE_INT64);
    g_value_set_int64 (&value, first_step);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_clear_pointer (&scenario, tenure_scenario_free);
    scenario = load (scenario_id);
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 2))->id, ==, first_step);
    g_assert_cmpint (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->id, ==, second_step);
    g_assert_cmpint (tenure_scenario_designer_get_row_step_id (designer, 2), ==, first_step);
    undo (page);
    now = describe (scenario_id);
    g_assert_cmpstr (now, ==, before_title);
    g_clear_pointer (&now, g_free);
  }

  /* An empty title is refused inline: the file keeps the old one. */
  tenure_scenario_designer_select_row (designer, 0);
  gtk_editable_set_text (tenure_scenario_designer_get_title_entry (designer), "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tenure_scenario_designer_get_title_entry (
    designer)), "error"));
  now = describe (scenario_id);
  g_assert_cmpstr (now, ==, before_title);
  g_clear_pointer (&now, g_free);
  tenure_onboarding_page_open_scenario (page, scenario_id);
  g_assert_false (tenure_scenario_editor_can_undo (tenure_onboarding_page_get_editor (page)));

  /* A new scenario from the "monthly-audit-report" template, through the chooser. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.back", NULL));
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.new", NULL));
  wait_for (chooser_shown, &chooser);
  g_assert_cmpuint (tenure_template_chooser_get_n_choices (TENURE_TEMPLATE_CHOOSER (chooser)),
                    ==, 3);
  screenshot (GTK_WIDGET (chooser), "onboarding-templates-light");
  tenure_template_chooser_choose (TENURE_TEMPLATE_CHOOSER (chooser), "monthly-audit-report");
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  created = tenure_scenario_designer_get_scenario_id (designer);
  g_assert_cmpint (created, !=, 0);
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = load (created);
  templates = tenure_scenario_get_templates (&n_templates);
  g_assert_cmpuint (n_templates, ==, 2);
  g_assert_cmpstr (templates[1].id, ==, "monthly-audit-report");
  g_assert_true (g_str_has_prefix (scenario->name, templates[1].name));
  g_assert_cmpuint (scenario->steps->len, ==, templates[1].n_steps);
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, scenario->steps->len);
  wait_for (page_ready, page);
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 3);

  /* Undo removes it again. */
  undo (page);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "list");
  wait_for (page_ready, page);
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 2);

  close_window (window);
}

/* A workspace without scenarios: the empty state, a blank scenario, and activating it
 * refused without a required step. */
static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.tenure", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TenureDb) db = NULL;
  g_autoptr(TenureScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  TenureWindow *window = tenure_window_new (GTK_APPLICATION (app));
  TenureOnboardingPage *page;
  TenureScenarioDesigner *designer;
  GtkWindow *chooser = NULL;
  gint64 id;

  db = tenure_db_open (path, TENURE_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (widget_mapped, window);
  tenure_window_open_file (window, file);
  wait_for (window_idle, window);
  tenure_window_show_page (window, "onboarding");
  page = TENURE_ONBOARDING_PAGE (tenure_window_get_visible_page (window));
  wait_for (page_ready, page);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "empty");
  g_assert_cmpuint (tenure_onboarding_page_get_n_scenarios (page), ==, 0);
  screenshot (GTK_WIDGET (window), "onboarding-empty-light-1280x800");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.new", NULL));
  wait_for (chooser_shown, &chooser);
  tenure_template_chooser_choose (TENURE_TEMPLATE_CHOOSER (chooser), NULL);
  g_assert_cmpstr (tenure_onboarding_page_get_view (page), ==, "designer");
  designer = tenure_onboarding_page_get_designer (page);
  id = tenure_scenario_designer_get_scenario_id (designer);
  g_assert_cmpint (id, ==, tenure_scenario_find (db, "New scenario"));
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 0);

  /* No required step: the core refuses, the scenario stays a draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.toggle-active",
                                             "x", id));
  scenario = tenure_scenario_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_false (scenario->active);

  /* One step, made required: now it can be activated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (designer), "designer.add-step", NULL));
  g_assert_cmpuint (tenure_scenario_designer_get_n_rows (designer), ==, 1);
  gtk_switch_set_active (tenure_scenario_designer_get_required_switch (designer), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "onboarding.toggle-active",
                                             "x", id));
  g_clear_pointer (&scenario, tenure_scenario_free);
  scenario = tenure_scenario_load (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (scenario->active);
  g_assert_cmpuint (scenario->steps->len, ==, 1);
  g_assert_true (((TenureStep *) g_ptr_array_index (scenario->steps, 0))->required);

  close_window (window);
}

/* The list and a demo designer in both styles and sizes. */
static void
test_screenshots (void)
{
  static const struct { int width; int height; gboolean dark; } shots[] = {
    { 800, 600, FALSE }, { 1280, 800, TRUE }, { 800, 600, TRUE },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      TenureOnboardingPage *page;
      TenureWindow *window;
      g_autoptr(TenureDb) db = open_db ();
      g_autoptr(GPtrArray) scenarios = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *size = g_strdup_printf ("%s-%dx%d", shots[i].dark ? "dark" : "light",
                                               shots[i].width, shots[i].height);
      g_autofree char *list_name = g_strconcat ("onboarding-list-", size, NULL);
      g_autofree char *designer_name = g_strconcat ("onboarding-designer-", size, NULL);

      adw_style_manager_set_color_scheme (style, shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_onboarding (shots[i].width, shots[i].height, &page);
      screenshot (GTK_WIDGET (window), list_name);

      scenarios = tenure_scenario_load_all (db, &error);
      g_assert_no_error (error);
      tenure_onboarding_page_open_scenario (page, ((TenureScenario *) scenarios->pdata[0])->id);
      assert_designer_matches (tenure_onboarding_page_get_designer (page),
                               ((TenureScenario *) scenarios->pdata[0])->id);
      screenshot (GTK_WIDGET (window), designer_name);
      close_window (window);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  TenureDemoOptions options;
  int status;

  tmpdir = test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  demo_path = g_build_filename (tmpdir, "demo.tenure", NULL);
  tenure_demo_options_init (&options);
  options.end_month = DEMO_MONTH;
  g_assert_true (tenure_demo_create_file (demo_path, &options, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  app = tenure_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/onboarding/page", test_page);
  g_test_add_func ("/gui/onboarding/empty", test_empty);
  g_test_add_func ("/gui/onboarding/screenshots", test_screenshots);

  status = g_test_run ();

  g_clear_object (&app);
  test_rmdir_recursive (tmpdir);
  g_free (tmpdir);
  g_free (demo_path);

  return status;
}
