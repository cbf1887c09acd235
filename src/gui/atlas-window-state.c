/* atlas-window-state.c: what the window remembers between runs
 *
 * Its size, the timeline's height and the filter, in GSettings; only the
 * application's windows remember (see remembers()).
 */
#include "config.h"

#include "atlas-window-private.h"

#define DEFAULT_TIMELINE_HEIGHT 280
#define MIN_TIMELINE_HEIGHT 120

/* The timeline keeps the height it was given: left to its natural height
 * it would grow and shrink with its lanes at each filter change. */
void
_atlas_window_restore_timeline_height (AtlasWindow *self)
{
  int total = gtk_widget_get_height (GTK_WIDGET (self->main_paned));
  int height = self->settings != NULL ? g_settings_get_int (self->settings, "timeline-height") : DEFAULT_TIMELINE_HEIGHT;

  if (total <= 0)
    return;
  height = CLAMP (height, MIN (MIN_TIMELINE_HEIGHT, total / 2), MAX (total / 2, MIN_TIMELINE_HEIGHT));
  /* A narrow window shows one pane at a time: the articles, the reader or
   * the graph get the room, the timeline a quarter (its lanes close up,
   * down to the least it can take). */
  if (adw_leaflet_get_folded (self->leaflet))
    height = MIN (height, total / 4);
  gtk_paned_set_position (self->main_paned, total - height);
}

static void
save_group (GSettings         *settings,
            const char        *key,
            const AtlasFilter *filter,
            AtlasFilterGroup   group)
{
  GPtrArray *ids = atlas_filter_get_group (filter, group);
  g_autofree const char **strv = g_new0 (const char *, ids->len + 1);

  for (guint i = 0; i < ids->len; i++)
    strv[i] = g_ptr_array_index (ids, i);
  g_settings_set_strv (settings, key, strv);
}

static void
restore_group (GSettings        *settings,
               const char       *key,
               AtlasFilter      *filter,
               AtlasFilterGroup  group)
{
  g_auto(GStrv) ids = g_settings_get_strv (settings, key);

  for (guint i = 0; ids[i] != NULL; i++)
    atlas_filter_add (filter, group, ids[i]);
}

/* Only the application's windows remember: a window made on its own (the
 * tests', the benchmarks') starts afresh and leaves the settings alone. */
static gboolean
remembers (AtlasWindow *self)
{
  return self->settings != NULL && gtk_window_get_application (GTK_WINDOW (self)) != NULL;
}

void
_atlas_window_save_state (AtlasWindow *self)
{
  const AtlasFilter *filter = atlas_view_state_get_filter (self->view_state);
  GtkWidget *timeline = gtk_paned_get_end_child (self->main_paned);
  gboolean dated = filter->since != G_MININT64 || filter->until != G_MAXINT64;
  gint64 dates[2] = { filter->since, filter->until };
  int width, height;

  if (!remembers (self))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (timeline != NULL && gtk_widget_get_height (timeline) > 0)
    g_settings_set_int (self->settings, "timeline-height", gtk_widget_get_height (timeline));
  save_group (self->settings, "filter-countries", filter, ATLAS_FILTER_GROUP_COUNTRIES);
  save_group (self->settings, "filter-companies", filter, ATLAS_FILTER_GROUP_COMPANIES);
  save_group (self->settings, "filter-entities", filter, ATLAS_FILTER_GROUP_ENTITIES);
  save_group (self->settings, "filter-statuses", filter, ATLAS_FILTER_GROUP_STATUSES);
  save_group (self->settings, "filter-certainties", filter, ATLAS_FILTER_GROUP_CERTAINTIES);
  g_settings_set_string (self->settings, "filter-text", filter->text != NULL ? filter->text : "");
  g_settings_set_value (self->settings, "filter-dates",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, dates, dated ? 2 : 0, sizeof (gint64)));
  g_settings_apply (self->settings);
}

void
_atlas_window_restore_state (AtlasWindow *self)
{
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GVariant) dates = NULL;
  g_autofree char *text = NULL;
  const gint64 *range;
  gsize n_dates;

  if (!remembers (self))
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  restore_group (self->settings, "filter-countries", filter, ATLAS_FILTER_GROUP_COUNTRIES);
  restore_group (self->settings, "filter-companies", filter, ATLAS_FILTER_GROUP_COMPANIES);
  restore_group (self->settings, "filter-entities", filter, ATLAS_FILTER_GROUP_ENTITIES);
  restore_group (self->settings, "filter-statuses", filter, ATLAS_FILTER_GROUP_STATUSES);
  restore_group (self->settings, "filter-certainties", filter, ATLAS_FILTER_GROUP_CERTAINTIES);
  text = g_settings_get_string (self->settings, "filter-text");
  if (*text != '\0')
    filter->text = g_steal_pointer (&text);
  dates = g_settings_get_value (self->settings, "filter-dates");
  range = g_variant_get_fixed_array (dates, &n_dates, sizeof (gint64));
  if (n_dates == 2 && range[0] < range[1])
    {
      filter->since = range[0];
      filter->until = range[1];
    }
  /* The search entry follows (see on_filter_changed()). */
  if (!atlas_filter_is_empty (filter))
    atlas_view_state_set_filter (self->view_state, filter);
}
