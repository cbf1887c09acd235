#include "atlas-cli.h"

int
main (int   argc,
      char *argv[])
{
  return atlas_cli_run (argc, argv);
}
