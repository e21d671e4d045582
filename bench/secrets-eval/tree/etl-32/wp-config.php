<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', '~Or~nV#DDLf5*hfHMvX' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY', '+OECb_AduU3Pqn]F~WUr5Hbykgd)UWCdN7%}hjMZ>M%3eL@U0E:W)C{@!8~>(P}a' );
define( 'NONCE_KEY', 'm|kybXLef~w;zx1@eSO02Oz{8]jnoyA5RWr6:}f)P-R~u@ar*0ihTVyQ2=}55.US' );
$table_prefix = 'wp_';
