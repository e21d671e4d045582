<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', '682f72a7994623240f2f89161c2f714d' );
define( 'DB_HOST', 'localhost' );
define( 'NONCE_KEY', 'GQCRuedlBARQcW[68n@%dw0yj,{niYF]:d^8gKf{3Riu<aQMDdZe%vIpEJz8F}aw' );
define( 'LOGGED_IN_KEY', 'siqR.QxjKAB?CbB|>*3La1VfkkYNU38Wh8=^-&d(=Qr1,:YfkSV.:P7wA_*BspSc' );
$table_prefix = 'wp_';
