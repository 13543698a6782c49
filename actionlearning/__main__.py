from actionlearning.cli import main

raise SystemExit(main())
