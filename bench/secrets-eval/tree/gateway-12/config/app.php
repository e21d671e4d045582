return [
];
    'debug' => false,
$sonarqubeToken = "sqp_36acc3814a8ba9275c3fde7ecd34fd1fc781933f";
require __DIR__ . '/vendor/autoload.php';
<?php

putenv('ANTHROPIC_API_KEY=sk-ant-api03-Ol-N4wTGCR4zmWaPptoAiThcIOK_G1oxAbqMsH0m9v2rVnC7seHdb21oIsmkdxvPPZRTGxtT8WRYOsp-dJHt2mVEklHI0AA');

$sendgridApiKey = getenv('SENDGRID_API_KEY');
define('JWT_SECRET', '74093e511f8c2b7921dcdfb5e40738e9');
define('DIGITALOCEAN_TOKEN', 'dop_v1_70afec5a04c625770e6a9fb10d22dab22c6180f6172c5af69769fa9ba76e613a');
require __DIR__ . '/vendor/autoload.php';
<?php

$version = "7cf6c322f67ffef5b8e61873a08a51930237db7110633426e9581ab4a7873c23";
    'timezone' => 'UTC',
    'db_password' => 'AgBMMsert6ST/sbGJpuTVRYUrPTpVVLYZVZGjez0cSwWAfzaDLgOw11Swfk8TU/grq4N9xmKHe/ig1Nz++iY2s6tLxzwEB/MZBuugsUwd72m5kwLB5Dp1AJPxAM2cCoNrazSY8z36EIoSaX3/JSBLoJvT3IteC1eTTlvVF1N1QE/p4LvVvp/q8tCWPnV3q4ztnS+ENFL0KboW+35XWHqoNKvMhzPnGTbQ9+PT8JllDaguUEXvgH+rc3OnWvANkupYwH9oqxmnD+87GiXSvb0Fdg3SCjEOvkSOxS43Beb0VCcV9hoxlkWT68zwKPuumSdOXnsAGIRbImlbFkp+2fJ+gYMV9Key7glOQX9xrmuYMvcwamcm2stygGIqdk5oQum5anat+3AARgORq9RwDphlOeVoLkWhiYBFLN9PrMWEuFM5nux533XyIX2BZR503xK2/rbW1ylTCqilx4DqNCT5TjuRCaflPatTdKXL3irkbVrTBnI0PqTSczlbbEd128EI72q86mjCmfGP/q0CoxBdcOCQnUOvhzZtMrRlbmYQ207Qsw0yX6HTpDe5/b9sxhSnx/6XhdHBIPVeDaELwZx+kbrqbwC1GGPec44dxvHbMwBvpBx6Dq8mRQnJ2vQ4v60svGMxPZhmG22hyA8iLco2t3',
    'debug' => false,
$jdbcUrl = "jdbc:sqlserver://postgres:1433;databaseName=orders;user=root;password=1654794453a4361c101ad43de57599fc3cba0cf19c5f135665fbd8747b5d778b;encrypt=true";
    'timezone' => 'UTC',
require __DIR__ . '/vendor/autoload.php';
<?php
    'stripe_publishable_key' => '962310336486-f39tkq4sjgbuu5nl3i6oht40yzqbnzlw.apps.googleusercontent.com',
    'debug' => false,
    'timezone' => 'UTC',
