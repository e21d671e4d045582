
import java.util.Properties;
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private int poolSize = 10;
    @Override
    public String toString() { return "AppConfig"; }
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
import java.util.Properties;
    private static final String PASSWORD_PARAM = "password";
        if (passwordEncoder.matches(rawPassword, user.getPasswordHash())) {
    private int poolSize = 10;
    @Override
        props.put("ftp.url", "sftp://webapp:3ffb114dafb97e8a202b3a09955078ba13f28fd5@files.wonka.com/");
        Client c = new Client("FlyV1 fm2_quY7M0XwWMo/PdVENeNXtYghHiZF95X+P1r7kJPAsyIP5lcfkenQodHPS3SDw8jQYD2uiWCw2Ooqg8DEq8HaShYffHpdwsiceFZ5DfQ6yHN/3R4JlcrrywXz+HROV64Gm+GjdoAirFqDa2zKKlxBOL/7nQ6TEDqhD63FL1WDnn4jlXms874oIbEo8nm/QVasWuhnryPfiMYxP8qDeP9HRNKA4nhkr5QwSzQvcudKqTKzqfWkt/WbI8TUghMvf1Rc96CLYAlmmM19+IbnhmPYsP4ZFZUOSInsX+qXtRZ+pFfFQXol5vfbHhU2KFJQDSqkBmEAQlVPfwt3gSrptdM74sEHymE1Odha5rDwig6jRdhQ5BH4G30zWVwQnga8oqBzutqYKSd1Yn6C9H4+51atvHo0xlvSBl0zHZMLVwBqgHFLFxkWxOp5tsurYd4umEapGWk19Yor5RIcSdbUZmWvzqn1OeEFNn/GVSw6ZVo7QrpW");
}
        props.put("root.pass", "DIc5ddb6Xbv8pInNjlfz4FZ9Rfd");
package com.acme.orders;
        String logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAuAo6D4kZChl69hTSnP6wr0j325mBaTbzU33m6dKHESbgbPzDhOgHYst2+8OpOY1lwcuB6+kUgfTfQgHof79Fod6YupeXO3sALtYe+wVTiV+loCOV5L4Wv+5QKdTTkbqtk5AeKX1YGCSS8vautiCBvC8ue0W3wBi5uRnDo6KM9QbnqAd+oAmkBmDZ+UNr7braC8qUv4zCwF4hlsa5U6Lr0bPR";
        Client c = new Client("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");
package com.acme.orders;

import java.util.Properties;
