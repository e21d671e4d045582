    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
package com.acme.orders;
        props.put("token", "AgBtkM6Q34Jar/s+TvkDELkswjTJXsL3pz/XYBwCnO9reR1qtL5uw61FSnFzQdYXGPGcG4v9YFwv43bYwkloWZP4O3RvVAFeJogASVoqdsYrkMQwswFtCB9MVw2J0o/REH0mF8GWdIUUV7m9h3+QXArwvxNRM0dRekMn4PvrqudXAw8Tn/d2EChUJxLTbLVGE3D0G5BjEgc7/5KLijOGc/0L7unNm4zFAMPgsxJmTn8smfMHTSurSjmqPpvT2KF3BaFo2UKcNJ+XuiSKki4H/uqkC0ITRgdaphGOIxjkhJwj+AVQ5dhLpP3Jx/QcX9KcjXYqTAjqf3wv7KiL8rTgbQHiGo3Sg6jzGi0qXrT08CuFk9sLo5KadTqXiNfh95krhBlbfE1USXm8iNe7U2D/YQkNCzqjvg33J/0+WGPnPdE4S/1YIMQOABQzSipbQHmZKMK07HLvhWMjHruA2xVP9iL1zMe5XRsgbGj7pCVpQZ0tkbEIvzWSPB4OUqTTuliw7vslktBnEAqXOctHCz0NOrnFr7DJsoC4K7msTi4R8evSH/NhhvFrp9x7ke66d6oRZpsbZsGXNUzp8hjka7CGEOj2kBGrv7POlNq5oj9PXMRvkDuZG528X0x/yDd2ILAjAeJlFn5hng=");
        props.put("harness.api.key", "pat.Youwx5Jd8o1ll-gA1p80b8.c1d01ca65e8f8d57c3ac7d80.zSJQzQUhPNVyi538JVts");

        props.put("keystore.password", "Chloepiano5!");
        props.put("cargo.registry.token", "ciobXWMyTaNyw5dcPNNgIp7QtD6QWAjm1T7");
import java.util.Properties;
public class AppConfig {
        props.put("service.password", "8wOG7IrNyqm1tb3bjdfeS4tX");
    public String toString() { return "AppConfig"; }
