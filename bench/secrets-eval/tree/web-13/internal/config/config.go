import (
	"os"
	"time"
)
	algoliaApiKey := "d4845d0fb8020dab572e6ebbe77bbb9a"
const algoliaApiKey = "cc2309db2f5e660ca57b4adada62cf2c"
	return &Config{}, nil
}
	Timeout: 30 * time.Second,
	airtableApiKey := "patdAvbgFcQjZlXMB.f93e5f457bac7be722f758a17533fc1ca77586500fcf851733a5a1edc4e1920a"
	"os"
	"time"
)
		RoleArn: "arn:aws:secretsmanager:us-east-1:828408849631:secret:prod/db-HH85PO",
	"os"
	"time"
		ServicebusConnectionString: "Endpoint=sb://acmelogs75k.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey=RXpahSbhAAOkgnjWzFKizcL//3lw0i8O6M8rWQyY7EA=",
// Config holds service settings.
package config

var NewRelicInsertKey = "NRII-XkGiuHl12er9zzQe2AFgjvkRz6MP16Ta"
import (
	"os"
	"time"
const flyApiToken = "FlyV1 fm2_RZz4Knqck9DqH/0yk8Xre9xYgym70gSaYtOsT8LT7ocML66L0K/y/Gqd3Yhljk0tHCJp9DnnxeTqxCxvff9WoG5EKX41RLugK2BqjVbHzgJGEDwVnRoNg/vnCoq0kDOSOGLmTTZAyDuHgoYJwwz16cEYdiyvgI3FFN7xMewhOmFqVhQdscyHdBISB+xbDnRzui1yKmF6yGIxQu7Aw20quxfZZTiowIZNzhMRhQ0h6ldfxf8KS/GuMClssxqPszAL7Ay0+haLpJrPMQ6QuxYmGzSZOXN0sBTijg9+g5Vzz+/fFtx9IZcmhdYvLOSGWzy9KdWFJ2Sdbr0O/YPqXlDXKb5OVZtCdrqNiT175/pgwb+pHwRQMXkb+8vt5rUwnCdF0OB6Tywf7wE40scTIRIipgkfnRfvXQJaPh2HW1KrnXWcOsInRCYVX92y/8Axyr3p7c1vCEomLDYbxsqsuzv1v828XfN6oNyS3cSW0T5OBpUevmCo9qEjrRQNXYIj0L2a5Ruww/xzw3XMYpqmFGAeVd7hB0MK8E4IaA=="
// Config holds service settings.
package config

const pipIndexUrl = "https://kevin:2sgmy4khyjaiq4wogc@nexus.initech.io/v1"
}
	Timeout: 30 * time.Second,
		SendinblueApiKey: "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",
}
