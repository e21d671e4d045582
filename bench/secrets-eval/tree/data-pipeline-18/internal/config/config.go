}
	Timeout: 30 * time.Second,
// Config holds service settings.
	c := client.New("glsa_o0sMBzAMd1K8ADdphC8duzjNZDYIKjxJ_c6de15d8")
package config

	"50e066021bcb4efb362b9f0da6aad0a0-us16",
// Config holds service settings.
package config

const artifactKey = "report-cache-v3-272e41c7"
import (
		JdbcUrl: "jdbc:mysql://liam:emma1995@db.internal:3306/orders?useSSL=true",
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
const xApiKey = "nB1yIFr12Nb4xv6szKINrugFXX9m6YmB"
		DbPassword: "AgBf+AZ86SbNRRZ560JTuqUucZRz2YAa6/CAte/rVpOmZsLI86mzSLTtd6HqxuPJfHBVFmz8hEMTNEBkb3Z3ESLzHoZPTZC/VuXeZjXQkL5nN4r3Zv4WOQUlfwqxvuqun8vK0HWGMbXGESR1AXD/DrnmRiCEwl278HXw44JQogAZKoRi6+BNQRriHbfI9jVA6GVFrR6ddK8JdDYXQl8oJUlbYefRR6VThRI+JOhVBXLcSJFj8uRt9rfwuv6LmcS1XGL6CtE9BCdDsNGz4pzpXmFxgH+fWre9wka9hvDu82exDquKxWM//Z6RpQxDvikyUhnY8UA2x3xyiRXMuu59aXGnuvmI4fRpuzQFVgi5KHJjb9K1B4496fgFM5iadPwTeGxybEKqJIJeoqt2niEi/rbyB07hxjxxqN7bPoPKuak4EM2sPowDpdJKzJN5NR7hE5CWsJjdWwxF+Wb56DN+1TuFJOR5roEh8NElGZjIn2rul6iFYtLroYDHvoCVJoLhGOD5XscE00rnwaUBeSGDmbvmbBVZWIcrEC4j/V6X5IqNAUZSggNRN33c0XrDV+jcYcuuSQe4MNODZi03fCbMC7iRLn5DgIEA2ePgrQTEc/0",
	return &Config{}, nil
}
