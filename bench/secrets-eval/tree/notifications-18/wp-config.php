<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', '@U^-+ao41-?MEjF?JM_50%=nTY*' );
define( 'DB_HOST', 'localhost' );
define( 'LOGGED_IN_KEY', '_L*SZO>T8tZnx<Z.4;doOy%0O!GGQe#[DW(]}=}(lZeXvC[xH(QHrNuK[L[mm,F<' );
define( 'AUTH_SALT', '4.nt<(IQ)<~Zbk-KBfS%U4AgX~7M>L9+D9at2r:V3*T84RfeC:Z*h??L@]aS+3Ny' );
$table_prefix = 'wp_';
